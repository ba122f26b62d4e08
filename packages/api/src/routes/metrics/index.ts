/** Metrics routes: the dashboard overview's time series. */
import { metricsOverTime } from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { createRouter } from '../../router.js'
import { timeWindow } from '../../time-window.js'
import { parseFilterParam } from '../filter/parse-param.js'
import { searching } from '../search/store-errors.js'
import { bucketParam } from './bucket-param.js'
import { getMetricsRoute } from './get-metrics.js'

export function metricsRoutes(deps: ApiDeps) {
  return createRouter().openapi(getMetricsRoute, async (c) => {
    const q = c.req.valid('query')
    const metrics = await searching(
      metricsOverTime(deps.clickhouse, {
        projectId: c.get('projectId'),
        ...timeWindow(q.from, q.to),
        bucket: bucketParam(q.bucket),
        groupBy: q.group_by,
        filter: parseFilterParam(q.filter, 'query.filter'),
      }),
    )
    return c.json(metrics, 200)
  })
}
