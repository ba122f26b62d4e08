/**
 * Judge calibration: for traces that carry a human assessment and judge
 * assessments of one name, how far each judge agrees with the humans.
 */
import { createRoute } from '@hono/zod-openapi'
import { error, ok } from '../evaluators/schemas.js'
import { CalibrationQuery, CalibrationReport } from './schemas.js'

export const calibrationRoute = createRoute({
  method: 'get',
  path: '/calibration',
  tags: ['calibration'],
  summary: 'Agreement of each judge with human labels of one assessment name',
  description:
    'Per judge source: pairs (traces with both), observed agreement, Cohen’s kappa, quadratic-weighted kappa for ordinal scales, true/false positive rates (booleans: true is positive; else give `threshold` or `positive`) and the confusion table. The latest label of each side counts; failed judge calls are left out.',
  request: { query: CalibrationQuery },
  responses: { 200: ok(CalibrationReport, 'The report'), 400: error('Bad query') },
})
