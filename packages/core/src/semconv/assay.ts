/**
 * Assay's own span attribute keys. The SDK writes them and the collector
 * reads them; both import them from here so the two can never drift. A key
 * ending in `.` is a prefix: `assay.metadata.plan` sets metadata `plan`.
 */
export const ASSAY_ATTR = {
  /** One of the span kinds (`LLM`, `RETRIEVER`, ...), case-insensitive. */
  spanKind: 'assay.span.kind',
  /** LoggedModel id: links the span (and, by propagation, its trace) to an application version. */
  modelId: 'assay.model.id',
  sessionId: 'assay.session.id',
  userId: 'assay.user.id',
  promptName: 'assay.prompt.name',
  promptVersion: 'assay.prompt.version',
  /** String array of bare tags, a kvlist of key/value tags, or the JSON text of either. */
  tags: 'assay.tags',
  metadataPrefix: 'assay.metadata.',
  environment: 'assay.environment',
  /** Any value; strings that are not JSON are stored as JSON strings. */
  input: 'assay.input',
  output: 'assay.output',
  /** The span's own cost in USD; wins over the price table. */
  costUsd: 'assay.cost_usd',
} as const
