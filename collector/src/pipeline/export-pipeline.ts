/**
 * decode → normalize → write, as the ExportHandler both front doors (HTTP
 * and gRPC) call. Bad spans are rejected alone and reported as partial
 * success; the export is answered only once its good rows are committed.
 */
import type { PriceTable } from '@assay/core'
import { normalizeLogs, normalizeTraces } from '../normalize/index.js'
import type { ExportHandler, RequestMetadata } from '../receive/export-handler.js'
import type { SpanWriter } from '../write/span-writer.js'

export interface ExportPipelineOptions {
  writer: SpanWriter
  /** The project an export belongs to (from its API key when auth is on). */
  projectOf(metadata: RequestMetadata): string | Promise<string>
  /** The price table for a project (defaults apply when undefined). */
  pricesOf?(projectId: string): PriceTable | undefined
}

/** How many rejection reasons an export response repeats; the count is always exact. */
const MAX_REASONS = 5

function describe(reasons: readonly string[], count: number): string {
  if (count === 0) return ''
  const shown = reasons.slice(0, MAX_REASONS).join('; ')
  return count > MAX_REASONS ? `${shown}; and ${count - MAX_REASONS} more` : shown
}

export function createExportPipeline(options: ExportPipelineOptions): ExportHandler {
  return async (signal, request, metadata) => {
    const projectId = await options.projectOf(metadata)
    const ctx = { projectId, prices: options.pricesOf?.(projectId) }
    if (signal === 'traces') {
      const { spans, events, rejected } = normalizeTraces(request, ctx)
      await options.writer.write({ spans, events })
      return { rejected: rejected.count, errorMessage: describe(rejected.reasons, rejected.count) }
    }
    const { events, rejected } = normalizeLogs(request, ctx)
    await options.writer.write({ spans: [], events })
    return { rejected: rejected.count, errorMessage: describe(rejected.reasons, rejected.count) }
  }
}
