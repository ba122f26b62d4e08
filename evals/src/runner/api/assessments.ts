/** Logging a scorer's result as an assessment on the item's trace. */
import type { ScoreResult } from '../../types.js'
import { calling, expectOk } from './api-error.js'
import type { AssayApi } from './connection.js'

/** The API caps text values and rationales at this many characters. */
const MAX_TEXT = 65_536

export function postAssessment(
  api: AssayApi,
  traceId: string,
  runId: string | undefined,
  result: ScoreResult,
): Promise<void> {
  const what = `POST /api/traces/${traceId}/assessments`
  const failed = result.error !== null || result.value === null
  return calling(what, async () => {
    const res = await api.client.traces[':traceId'].assessments.$post({
      param: { traceId },
      json: {
        type: 'feedback',
        name: result.name,
        ...(failed
          ? { error: clip(result.error ?? 'no value') }
          : { value: typeof result.value === 'string' ? clip(result.value) : result.value! }),
        rationale: clip(result.rationale),
        source: { type: result.sourceType, id: result.sourceId.slice(0, 256) },
        run_id: runId,
        metadata: result.passed === null ? undefined : { passed: String(result.passed) },
      },
    })
    await expectOk(res, what)
  })
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text
}
