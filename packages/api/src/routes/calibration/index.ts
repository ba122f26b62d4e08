/**
 * The calibration route. The statistics live in @assay/core
 * (`pairsBySource`, `agreementOf`): @assay/evals depends on this package,
 * so the API cannot import its calibration without a dependency cycle.
 */
import { agreementOf, pairsBySource } from '@assay/core'
import { listAssessmentsByName } from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { createRouter } from '../../router.js'
import { timeWindow } from '../../time-window.js'
import { calibrationRoute } from './route.js'

/** Assessments read per report: enough for any labelled set a team makes by hand. */
export const MAX_CALIBRATION_ASSESSMENTS = 200_000
const DEFAULT_DAYS = 90
const NS_PER_MS = 1_000_000n

export function calibrationRoutes(deps: ApiDeps) {
  return createRouter().openapi(calibrationRoute, async (c) => {
    const q = c.req.valid('query')
    const end = timeWindow(undefined, q.to).to
    const from = q.from ?? String(BigInt(end) - BigInt(DEFAULT_DAYS * 86_400_000) * NS_PER_MS)
    const window = timeWindow(from, q.to)
    const assessments = await listAssessmentsByName(deps.clickhouse, {
      projectId: c.get('projectId'),
      name: q.name,
      from: Number(BigInt(window.from) / NS_PER_MS),
      to: Number(BigInt(window.to) / NS_PER_MS),
      limit: MAX_CALIBRATION_ASSESSMENTS,
    })
    const judges = [...pairsBySource(assessments)].map(([sourceId, pairs]) => ({
      sourceId,
      ...agreementOf(pairs, { threshold: q.threshold, positive: q.positive }),
    }))
    return c.json(
      {
        name: q.name,
        assessments: assessments.length,
        truncated: assessments.length >= MAX_CALIBRATION_ASSESSMENTS,
        judges,
      },
      200,
    )
  })
}
