// Online evaluation through a real `assay serve`: an evaluator and a rule made
// through the API, spans sent over OTLP, the assessment read back through the
// API; a rule whose evaluator always fails shows its failures and stops retrying.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AssayProcess, startAssay } from '../server-process.js'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-oe-serve-'))
let assay: AssayProcess

beforeAll(async () => {
  assay = await startAssay({
    ASSAY_DATA_DIR: path.join(tmp, 'data'),
    ASSAY_ONLINE_EVAL_POLL_MS: '100',
    // Longer than an export takes to land: the matcher passes traces that are not stored yet.
    ASSAY_ONLINE_EVAL_SETTLE_MS: '2000',
    ASSAY_ONLINE_EVAL_RETRY_MS: '50',
    ASSAY_ONLINE_EVAL_MAX_ATTEMPTS: '2',
  })
})
afterAll(async () => {
  expect(await assay?.stop('SIGTERM')).toBe(0)
  fs.rmSync(tmp, { recursive: true, force: true })
})

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
async function api(method: string, route: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${assay.url}/api${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: await res.json().catch(() => null) }
}

/** One LLM span (OpenInference attributes) answering `answer`, ending now. */
async function sendTrace(answer: string): Promise<string> {
  const traceId = randomBytes(16).toString('hex')
  const end = BigInt(Date.now()) * 1_000_000n
  const attribute = (key: string, value: string) => ({ key, value: { stringValue: value } })
  const res = await fetch(`${assay.url}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [attribute('service.name', 'online-eval-test')] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId,
                  spanId: randomBytes(8).toString('hex'),
                  name: 'answer',
                  kind: 3,
                  startTimeUnixNano: String(end - 10_000_000n),
                  endTimeUnixNano: String(end),
                  attributes: [
                    attribute('openinference.span.kind', 'LLM'),
                    attribute('input.value', 'what is the answer?'),
                    attribute('output.value', answer),
                  ],
                },
              ],
            },
          ],
        },
      ],
    }),
  })
  expect(res.status).toBe(200)
  return traceId
}

async function until<T>(read: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error(`timed out\n${assay.stdout().slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('online evaluation in assay serve', () => {
  it('scores a new matching trace and shows the assessment through the API', async () => {
    const evaluator = await api('POST', '/evaluators', {
      name: 'says-yes',
      definition: { type: 'code', scorer: 'exact_match', params: { expected: 'yes' } },
    })
    expect(evaluator.status).toBe(201)
    const rule = await api('POST', '/online-eval/rules', {
      name: 'all-llm',
      filter: "span.kind = 'LLM'",
      evaluator: 'says-yes',
    })
    expect(rule.status).toBe(201)
    const yes = await sendTrace('yes')
    const no = await sendTrace('no')
    const assessmentOf = (traceId: string) =>
      until(async () => {
        const res = await api('GET', `/traces/${traceId}/assessments`)
        return res.body?.items?.find((a: { name: string }) => a.name === 'says-yes')
      })
    expect(await assessmentOf(yes)).toMatchObject({
      value: true,
      source_type: 'CODE',
      source_id: 'code:says-yes@1',
      error: '',
    })
    expect(await assessmentOf(no)).toMatchObject({ value: false })
    const detail = await api('GET', `/online-eval/rules/${rule.body.id}`)
    expect(detail.body.jobs).toMatchObject({ done: 2, failed: 0 })
  })

  it('shows a failing rule’s failures and stops retrying them', async () => {
    await api('POST', '/evaluators', {
      name: 'broken',
      definition: { type: 'code', scorer: 'regex', params: { pattern: '(' } },
    })
    const rule = await api('POST', '/online-eval/rules', { name: 'always-fails', evaluator: 'broken' })
    expect(rule.status).toBe(201)
    const traceId = await sendTrace('yes')
    const failure = await until(async () => {
      const res = await api('GET', `/online-eval/rules/${rule.body.id}/jobs?status=failed`)
      return res.body.items.find((j: { traceId: string }) => j.traceId === traceId)
    })
    expect(failure).toMatchObject({ status: 'failed', attempts: 2 })
    expect(failure.lastError).toBeTruthy()
    await new Promise((r) => setTimeout(r, 500))
    const again = await api('GET', `/online-eval/rules/${rule.body.id}/jobs?status=failed`)
    expect(again.body.items.find((j: { traceId: string }) => j.traceId === traceId).attempts).toBe(2)
    const assessments = await api('GET', `/traces/${traceId}/assessments`)
    const broken = assessments.body.items.find((a: { name: string }) => a.name === 'broken')
    expect(broken.error).toBeTruthy()
  })
})
