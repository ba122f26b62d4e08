/**
 * The `assay.*` span attributes the collector's Assay dialect reads
 * (`collector/src/normalize/dialects/assay.ts`). Restated here rather than
 * imported from `@assay/core`, whose index pulls zod and server-side
 * schemas into an app's bundle; `test/attributes.test.ts` keeps the two equal.
 */
export const ATTR = {
  spanKind: 'assay.span.kind',
  modelId: 'assay.model.id',
  sessionId: 'assay.session.id',
  userId: 'assay.user.id',
  promptName: 'assay.prompt.name',
  promptVersion: 'assay.prompt.version',
  tags: 'assay.tags',
  metadataPrefix: 'assay.metadata.',
  environment: 'assay.environment',
  input: 'assay.input',
  output: 'assay.output',
  costUsd: 'assay.cost_usd',
} as const

/** The span kinds the collector knows; anything else is stored as `UNKNOWN`. */
export const SPAN_KINDS = [
  'LLM',
  'CHAT_MODEL',
  'EMBEDDING',
  'RETRIEVER',
  'RERANKER',
  'TOOL',
  'AGENT',
  'CHAIN',
  'GUARDRAIL',
  'EVALUATOR',
  'UNKNOWN',
] as const
export type SpanKind = (typeof SPAN_KINDS)[number]
