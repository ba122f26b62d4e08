/**
 * Enum value names of the OTLP protos, indexed by their numbers, so that
 * OTLP/JSON may carry either form (`"kind": 3` or `"kind": "SPAN_KIND_CLIENT"`).
 */

export const spanKindNames = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
] as const

export const statusCodeNames = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'] as const

const levels = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL']
export const severityNumberNames: readonly string[] = [
  'SEVERITY_NUMBER_UNSPECIFIED',
  ...levels.flatMap((l) => [l, `${l}2`, `${l}3`, `${l}4`].map((n) => `SEVERITY_NUMBER_${n}`)),
]
