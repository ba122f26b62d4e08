/**
 * decode → normalize → write, as the ExportHandler both front doors (HTTP
 * and gRPC) call. Bad spans are rejected alone and reported as partial
 * success; the export is answered only once its good rows are committed.
 *
 * The pipeline consumes the decoded request: once its rows are serialized
 * it empties the request's lists. An export then waits for its commit
 * holding only its serialized bytes. Why: a suspended async function keeps
 * its arguments and locals reachable (V8 does not drop dead ones across an
 * await), and every frame between the receiver and here holds the decoded
 * request; with 16 exports waiting, their decoded spans and rows (megabytes
 * each) outlived two scavenges, were promoted, and made the old generation
 * collector the largest single cost of ingestion.
 */
import type { PriceTable } from '@assay/core'
import { normalizeLogs, normalizeTraces, type Rejected } from '../normalize/index.js'
import type { DecodedLogsRequest, DecodedTracesRequest } from '../otlp/types.js'
import type { ExportHandler, ExportResult, RequestMetadata } from '../receive/export-handler.js'
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

interface Submitted {
  committed: Promise<void>
  rejected: Rejected
}

/** Synchronous on purpose: the rows live only in this frame, which is gone before anyone awaits. */
function submitTraces(
  request: DecodedTracesRequest,
  ctx: { projectId: string; prices?: PriceTable | undefined },
  writer: SpanWriter,
): Submitted {
  const { spans, events, rejected } = normalizeTraces(request, ctx)
  request.resourceSpans = []
  return { committed: writer.write({ spans, events }), rejected }
}

function submitLogs(
  request: DecodedLogsRequest,
  ctx: { projectId: string; prices?: PriceTable | undefined },
  writer: SpanWriter,
): Submitted {
  const { events, rejected } = normalizeLogs(request, ctx)
  request.resourceLogs = []
  return { committed: writer.write({ spans: [], events }), rejected }
}

export function createExportPipeline(options: ExportPipelineOptions): ExportHandler {
  return async (signal, request, metadata): Promise<ExportResult> => {
    const projectId = await options.projectOf(metadata)
    const ctx = { projectId, prices: options.pricesOf?.(projectId) }
    const { committed, rejected } =
      signal === 'traces'
        ? submitTraces(request, ctx, options.writer)
        : submitLogs(request, ctx, options.writer)
    await committed
    return { rejected: rejected.count, errorMessage: describe(rejected.reasons, rejected.count) }
  }
}
