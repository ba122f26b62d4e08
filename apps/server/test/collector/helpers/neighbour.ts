/**
 * "Bad input loses nothing else": a bad request is sent at the same time as
 * a valid export, which must be acknowledged and stored intact.
 */
import { expect } from 'vitest'
import { getTrace } from './api.js'
import { postTraces } from './http.js'
import { buildTrace } from './otlp.js'

export async function alongsideValidExport<T>(url: string, bad: () => Promise<T>): Promise<T> {
  const good = buildTrace(5)
  const [result, goodRes] = await Promise.all([bad(), postTraces(url, good.request)])
  expect(goodRes.status, 'the valid neighbour export').toBe(200)
  const detail = await getTrace(url, good.traceId)
  expect(detail, 'the valid neighbour trace').not.toBeNull()
  expect(detail!.spans.map((s) => s.span_id).sort()).toEqual([...good.spanIds].sort())
  for (const span of detail!.spans.filter((s) => s.parent_span_id !== '')) {
    expect(span).toMatchObject({ name: 'chat gpt-4o-mini', kind: 'LLM', input_tokens: 40, output_tokens: 10 })
  }
  return result
}
