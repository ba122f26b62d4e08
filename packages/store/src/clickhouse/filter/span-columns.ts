/** Which `spans` columns each span-level field reads: shared by the compiler and the value suggestions. */

/** Text fields; several columns mean "either matches". */
export const TEXT_COLUMNS: Record<string, readonly string[]> = {
  'span.kind': ['kind'],
  'span.name': ['name'],
  'span.status': ['status_code'],
  'span.model': ['model_request', 'model_response'],
  'span.provider': ['provider'],
  'service.name': ['service_name'],
  environment: ['environment'],
  'session.id': ['session_id'],
  'user.id': ['user_id'],
  'model.id': ['model_id'],
  text: ['input', 'output'],
}

export const NUMBER_COLUMNS: Record<string, string> = {
  'span.duration_ms': '(duration_ns / 1000000)',
  'span.tokens': 'total_tokens',
  'span.cost': 'cost_usd',
}

/** Keyed fields and their Map columns. */
export const MAP_COLUMNS: Record<string, string> = {
  'span.attributes': 'attributes',
  metadata: 'metadata',
  tag: 'tags',
}
