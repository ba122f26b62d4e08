/** A run's items and the comparison of two runs item by item, as zod schemas (they make the OpenAPI document). */
import { RUN_ITEM_OUTCOMES } from '@assay/store'
import { z } from '@hono/zod-openapi'
import { CursorParam } from '../search/schemas.js'

export const RunScore = z
  .object({
    assessmentId: z.string(),
    name: z.string(),
    value: z
      .union([z.number(), z.boolean(), z.string()])
      .nullable()
      .openapi({ description: 'Null when the scorer failed' }),
    passed: z.boolean().nullable().openapi({ description: 'The verdict; null when the scorer decides none' }),
    rationale: z.string(),
    error: z.string(),
    sourceType: z.string(),
    sourceId: z.string(),
    spanId: z.string(),
  })
  .openapi('RunScore')

export const RunItem = z
  .object({
    traceId: z.string(),
    /** The dataset item the trace ran (`metadata.eval_item` of its root span), '' when none. */
    evalItem: z.string(),
    passed: z.boolean().nullable(),
    name: z.string(),
    statusCode: z.string(),
    durationMs: z.number(),
    input: z.string().openapi({ description: "The root span's input (JSON text), cut at 20,000 characters" }),
    output: z.string(),
    truncated: z.boolean(),
    expectations: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({ description: "The dataset item's expectations" }),
    scores: z.array(RunScore),
  })
  .openapi('RunItem')

export const RunItemsPage = z
  .object({
    items: z.array(RunItem),
    total: z.number().int(),
    failed: z.number().int(),
    nextCursor: z.string().optional(),
  })
  .openapi('RunItemsPage')

export const RunItemsQuery = z.object({
  outcome: z
    .enum(RUN_ITEM_OUTCOMES)
    .optional()
    .openapi({ description: 'Only failed or only passed items (default all)' }),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: '1 to 500, default 50' }),
  cursor: CursorParam.optional(),
})

export const COMPARE_CHANGES = ['improved', 'regressed', 'unchanged', 'added', 'removed'] as const

const ScoreCell = z.object({ value: RunScore.shape.value, passed: z.boolean().nullable(), error: z.string() })

export const ComparedItem = z
  .object({
    /** How the two runs' items were matched: the dataset item id, else the trace id, else the input. */
    key: z.string(),
    change: z.enum(COMPARE_CHANGES),
    input: z.string().openapi({ description: 'The input, cut at 300 characters' }),
    baseTraceId: z.string().nullable(),
    headTraceId: z.string().nullable(),
    basePassed: z.boolean().nullable(),
    headPassed: z.boolean().nullable(),
    base: z.record(z.string(), ScoreCell),
    head: z.record(z.string(), ScoreCell),
  })
  .openapi('ComparedRunItem')

export const RunComparison = z
  .object({
    base: z.string(),
    head: z.string(),
    counts: z.record(z.enum(COMPARE_CHANGES), z.number().int()),
    scorers: z.array(
      z.object({
        name: z.string(),
        basePassRate: z.number().nullable(),
        headPassRate: z.number().nullable(),
        baseMean: z.number().nullable(),
        headMean: z.number().nullable(),
        improved: z.number().int(),
        regressed: z.number().int(),
      }),
    ),
    items: z.array(ComparedItem),
    truncated: z.boolean(),
  })
  .openapi('RunComparison')

export const CompareQuery = z.object({
  baseline: z.string().min(1).max(128).openapi({ description: 'The run to compare against (the "before")' }),
})
