/**
 * Structured logs: one JSON object per line on stdout (pino). Secrets never
 * reach a log line: known credential fields are redacted.
 */
import { pino } from 'pino'

export type Logger = pino.Logger

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'assay' },
    redact: {
      paths: ['password', '*.password', 'authorization', '*.authorization', 'secret', '*.secret'],
      censor: '[redacted]',
    },
  })
}
