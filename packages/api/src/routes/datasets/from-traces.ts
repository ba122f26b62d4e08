/**
 * `POST /api/datasets/{datasetId}/items/from-traces`: one item per trace
 * (see `trace-item.ts`), added as one new version. Trace ids that match no
 * trace in the project are reported in `notFound`, not refused.
 */
import { addDatasetItems, getDataset, getTraceSpans } from '@assay/store'
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import type { ApiEnv } from '../../router.js'
import type { ItemInput } from './import-lines.js'
import { limitBody, limitCount, MAX_SMALL_BODY_BYTES, MAX_TRACES_PER_CALL } from './limits.js'
import { DatasetPathParams, error } from './schemas.js'
import { answering } from './store-errors.js'
import { itemFromTrace } from './trace-item.js'

/** Traces read from ClickHouse at once: enough to hide latency, few enough not to crowd other queries. */
const READ_CONCURRENCY = 8

const FromTracesBody = z
  .object({
    trace_ids: z
      .array(z.string().regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hex characters'))
      .min(1)
      .openapi({ description: `at most ${MAX_TRACES_PER_CALL} (413 past it)` }),
  })
  .openapi('DatasetItemsFromTraces')

const FromTracesResult = z.object({
  version: z.number().int(),
  /** New item ids, in the order of the trace ids that were found. */
  ids: z.array(z.string()),
  notFound: z.array(z.string()),
})

export const fromTracesRoute = createRoute({
  method: 'post',
  path: '/datasets/{datasetId}/items/from-traces',
  tags: ['datasets'],
  summary: 'Add items from traces (root span input → inputs, output → expectations)',
  middleware: [limitBody(MAX_SMALL_BODY_BYTES)] as const,
  request: {
    params: DatasetPathParams,
    body: { content: { 'application/json': { schema: FromTracesBody } }, required: true },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: FromTracesResult } },
      description: 'The version, the new item ids, and the trace ids not found',
    },
    400: error('Bad input'),
    404: error('No such dataset'),
    413: error('Body too large, or too many trace ids'),
  },
})

export const fromTracesHandler =
  (deps: ApiDeps): RouteHandler<typeof fromTracesRoute, ApiEnv> =>
  async (c) => {
    const { trace_ids } = c.req.valid('json')
    limitCount(trace_ids.length, 'body.trace_ids', MAX_TRACES_PER_CALL)
    const projectId = c.get('projectId')
    const { datasetId } = c.req.valid('param')
    if (!(await getDataset(deps.postgres.db, projectId, datasetId))) {
      throw new ApiError(404, `path.datasetId: dataset ${datasetId} not found`, 'path.datasetId')
    }
    const traceIds = [...new Set(trace_ids.map((id) => id.toLowerCase()))]
    const found = await mapConcurrently(traceIds, READ_CONCURRENCY, async (traceId) =>
      itemFromTrace(traceId, await getTraceSpans(deps.clickhouse, projectId, traceId)),
    )
    const items = found.filter((item): item is ItemInput => item !== undefined)
    const { version, ids } = await answering(addDatasetItems(deps.postgres.db, projectId, datasetId, items))
    return c.json({ version, ids, notFound: traceIds.filter((_, i) => found[i] === undefined) }, 200)
  }

async function mapConcurrently<T, R>(
  inputs: T[],
  limit: number,
  work: (input: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(inputs.length)
  let next = 0
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++
      results[i] = await work(inputs[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker))
  return results
}
