/**
 * `feedback.log(traceId, { name, value })`: a user's thumbs-up, a score or
 * a correction, stored as an assessment on the trace. Returns false (and
 * warns once) when Assay cannot take it; it never throws into the app.
 */
import { callApi } from '../api-client.js'
import { errorMessage, warnOnce } from '../warn.js'

export type FeedbackSource =
  | 'HUMAN'
  | 'LLM_JUDGE'
  | 'CODE'
  | { type: 'HUMAN' | 'LLM_JUDGE' | 'CODE'; id?: string }

export interface FeedbackInput {
  name: string
  value: number | boolean | string
  rationale?: string
  /** Default `HUMAN`. */
  source?: FeedbackSource
  /** Attach it to one span (16 hex characters) rather than the trace. */
  spanId?: string
  metadata?: Record<string, string>
}

async function log(traceId: string, input: FeedbackInput): Promise<boolean> {
  const source =
    typeof input.source === 'string' ? { type: input.source } : (input.source ?? { type: 'HUMAN' })
  try {
    await callApi('POST', `/traces/${encodeURIComponent(traceId)}/assessments`, {
      body: {
        type: 'feedback',
        name: input.name,
        value: input.value,
        rationale: input.rationale,
        source,
        span_id: input.spanId,
        metadata: input.metadata,
      },
    })
    return true
  } catch (err) {
    warnOnce('feedback', `could not log feedback: ${errorMessage(err)}`)
    return false
  }
}

export const feedback = { log }
