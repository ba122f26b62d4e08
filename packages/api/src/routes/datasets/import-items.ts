/**
 * `POST /api/datasets/{datasetId}/import`: a JSON Lines or CSV upload
 * (by Content-Type), the good lines added as one new version, the bad ones
 * reported by line number and left out.
 *
 * - `application/x-ndjson` or `application/jsonl`: one item per line, the
 *   same object as `POST /items` takes (`{"inputs":{…},"expectations":{…},"metadata":{…}}`).
 * - `text/csv`: a header row, then one item per record. Columns
 *   `inputs.<key>` / `expectations.<key>` / `metadata.<key>` hold one text
 *   value each; columns `inputs` / `expectations` / `metadata` hold a JSON
 *   object (for numbers, lists, nesting), merged under the keyed columns.
 *   Empty cells are left out. Any other column name is a 400.
 *
 * At most 10,000 items (lines) and 64 MiB per upload (413 past either).
 */
import { MAX_DATASET_ITEMS_PER_CALL } from '@assay/core'
import { addDatasetItems } from '@assay/store'
import { createRoute, type RouteHandler } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import type { ApiEnv } from '../../router.js'
import { type ParsedImport, UnreadableImportError } from './import-lines.js'
import { limitBody, limitCount, MAX_BULK_BODY_BYTES } from './limits.js'
import { parseCsv } from './parse-csv.js'
import { parseJsonl } from './parse-jsonl.js'
import { DatasetPathParams, error, ImportReport } from './schemas.js'
import { answering } from './store-errors.js'

const PARSERS: Record<string, (text: string) => ParsedImport> = {
  'application/x-ndjson': parseJsonl,
  'application/jsonl': parseJsonl,
  'text/csv': parseCsv,
}

// Plain OpenAPI schemas, not zod: the body is text that the handler parses line by line.
const text = { schema: { type: 'string' as const } }

export const importItemsRoute = createRoute({
  method: 'post',
  path: '/datasets/{datasetId}/import',
  tags: ['datasets'],
  summary: 'Import items from JSON Lines or CSV',
  description:
    'JSON Lines: one item object per line. CSV: a header row with columns inputs.<key>, expectations.<key>, metadata.<key> (text values) or inputs, expectations, metadata (JSON objects). Good lines are added as one new version; bad lines are reported with their line numbers and skipped.',
  middleware: [limitBody(MAX_BULK_BODY_BYTES)] as const,
  request: {
    params: DatasetPathParams,
    body: {
      content: { 'application/x-ndjson': text, 'application/jsonl': text, 'text/csv': text },
      required: true,
    },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: ImportReport } },
      description: 'How many items were imported, and the rejected lines',
    },
    400: error('A CSV header that cannot be read'),
    404: error('No such dataset'),
    413: error(`Body too large, or more than ${MAX_DATASET_ITEMS_PER_CALL} lines`),
    415: error('Not JSON Lines or CSV'),
  },
})

export const importItemsHandler =
  (deps: ApiDeps): RouteHandler<typeof importItemsRoute, ApiEnv> =>
  async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    const parse = PARSERS[type]
    if (!parse) {
      throw new ApiError(
        415,
        `header.content-type: '${type}' is not one of ${Object.keys(PARSERS).join(', ')}`,
        'header.content-type',
      )
    }
    let parsed: ParsedImport
    try {
      parsed = parse(await c.req.text())
    } catch (e) {
      if (e instanceof UnreadableImportError) throw new ApiError(400, `body: ${e.message}`, 'body')
      throw e
    }
    limitCount(parsed.items.length + parsed.rejected.length, 'body')
    const { version } = await answering(
      addDatasetItems(deps.postgres.db, c.get('projectId'), c.req.valid('param').datasetId, parsed.items),
    )
    return c.json({ version, imported: parsed.items.length, rejected: parsed.rejected }, 200)
  }
