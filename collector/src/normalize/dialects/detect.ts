import type { Attributes } from '../../otlp/types.js'

/**
 * One pass over a span's keys decides which dialects can apply, by the
 * key's first dot-separated segment.
 */

export const ASSAY = 1
export const LANGFUSE = 2
export const MLFLOW = 4
export const OPENINFERENCE = 8
export const VERCEL_AI = 16
export const TRACELOOP = 32
export const GEN_AI = 64
/** The span has events: OpenLLMetry puts retrieval results there. */
export const HAS_EVENTS = 128

const BY_SEGMENT = new Map<string, number>(
  Object.entries({
    assay: ASSAY,
    langfuse: LANGFUSE,
    mlflow: MLFLOW,
    openinference: OPENINFERENCE,
    llm: OPENINFERENCE | TRACELOOP,
    input: OPENINFERENCE,
    output: OPENINFERENCE,
    retrieval: OPENINFERENCE,
    reranker: OPENINFERENCE,
    embedding: OPENINFERENCE,
    session: OPENINFERENCE,
    user: OPENINFERENCE,
    metadata: OPENINFERENCE,
    tag: OPENINFERENCE,
    tool: OPENINFERENCE,
    ai: VERCEL_AI,
    traceloop: TRACELOOP,
    gen_ai: GEN_AI,
  }),
)

export function dialectMask(attrs: Attributes, eventCount: number): number {
  let mask = eventCount > 0 ? HAS_EVENTS : 0
  let last = ''
  for (const key in attrs) {
    const dot = key.indexOf('.')
    const segment = dot < 0 ? key : key.slice(0, dot)
    // Keys of one convention tend to be adjacent: skip the lookup for a repeated segment.
    if (segment === last) continue
    last = segment
    mask |= BY_SEGMENT.get(segment) ?? 0
  }
  return mask
}
