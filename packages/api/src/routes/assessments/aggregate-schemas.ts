/** Query and response schemas of the two aggregate routes (overall and per time bucket). */
import { z } from '@hono/zod-openapi'
import { TimeParam } from '../../schemas/common.js'

export const AggregateQuery = z.object({
  name: z.string().trim().min(1).max(256),
  from: TimeParam.optional(),
  to: TimeParam.optional(),
  /** A trace filter in the filter language, e.g. `span.model = "gpt-4o" AND trace.status = "ERROR"`. */
  filter: z.string().max(4096).optional(),
  /** How many of the most frequent string values to return. */
  top: z.coerce.number().int().min(1).max(100).optional(),
})

export const TimeseriesQuery = AggregateQuery.extend({
  /** Bucket width: a number and a unit, `s`, `m`, `h` or `d` (default `1h`). */
  bucket: z.string().max(16).optional().openapi({ example: '1h' }),
})

const ValueStats = z.object({
  count: z.number().int(),
  traces: z.number().int(),
  boolean: z
    .object({ count: z.number(), true: z.number(), false: z.number(), pass_rate: z.number() })
    .nullable(),
  number: z
    .object({
      count: z.number(),
      mean: z.number(),
      min: z.number(),
      max: z.number(),
      p50: z.number(),
      p90: z.number(),
      p95: z.number(),
      p99: z.number(),
    })
    .nullable(),
  string: z
    .object({
      count: z.number(),
      distinct: z.number(),
      top: z.array(z.object({ value: z.string(), count: z.number() })),
    })
    .nullable(),
})

/** The window actually used, as nanosecond strings. */
const Window = { from: z.string(), to: z.string() }

export const AggregateResponse = ValueStats.extend({ name: z.string(), ...Window }).openapi(
  'AssessmentAggregate',
)

export const TimeseriesResponse = z
  .object({
    name: z.string(),
    ...Window,
    bucket_ms: z.number().int(),
    buckets: z.array(ValueStats.extend({ start: z.number().int() })),
  })
  .openapi('AssessmentTimeseries')
