/**
 * The OpenAI calls beyond the example app's (fixtures/openai-calls.mjs), run
 * once with `node --import @assay/sdk/register` against a real `assay serve`
 * and the LLM test server; each call's trace is read back through the API:
 * kind, model, tokens, input and output. Runs against the built package.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type LlmTestServer, startLlmTestServer } from '@assay/llm-test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, type SpanRow, waitForTrace } from './assay-api.js'
import { type AssayProcess, startAssay } from './assay-process.js'
import { runScript, type ScriptRun } from './run-app.js'

interface Step {
  text?: string
  error?: string
  traceId: string
  [key: string]: unknown
}

let llm: LlmTestServer
let assay: AssayProcess
let dataDir: string
let run: ScriptRun<Record<string, Step>>

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'assay-sdk-calls-'))
  ;[llm, assay] = await Promise.all([startLlmTestServer(), startAssay(dataDir)])
  run = await runScript(
    ['--import', '@assay/sdk/register', 'test/e2e/fixtures/openai-calls.mjs'],
    { ASSAY_URL: assay.url, OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test-key' },
    path.resolve(import.meta.dirname, '../..'),
  )
  expect(run.code, run.stderr).toBe(0)
})

afterAll(async () => {
  await assay?.stop()
  await llm?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** The step's result and, once its trace holds the step and one model call, that call's span. */
async function modelCall(step: string, kind = 'LLM'): Promise<{ result: Step; span: SpanRow }> {
  const result = run.result![step]!
  const spans = await waitForTrace(
    assay.url,
    result.traceId,
    (s) => s.length === 2 && s.some((x) => x.kind === kind),
  )
  const root = spans.find((s) => s.kind === 'CHAIN')!
  const span = spans.find((s) => s.kind === kind)!
  expect(span.parent_span_id).toBe(root.span_id)
  return { result, span }
}

const messages = (text: string) => JSON.parse(text) as Record<string, unknown>[]

describe('Responses API', () => {
  it('a plain call: instructions and input in, the answer out, tokens and cost', async () => {
    const { result, span } = await modelCall('responsesPlain')
    expect(result.text).toBe('Hello! You said: What is Assay?')
    expect(span).toMatchObject({ model_request: 'gpt-4o-mini', status_code: 'UNSET' })
    expect(span.input_tokens).toBeGreaterThan(0)
    expect(span.output_tokens).toBeGreaterThan(0)
    expect(span.cost_usd).toBeGreaterThan(0)
    expect(messages(span.input)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'What is Assay?' },
    ])
    expect(messages(span.output)).toEqual([
      { role: 'assistant', content: result.text, finish_reason: 'stop' },
    ])
  })

  it('a streamed call (with .withResponse()): the span ends with the stream, output whole, usage from the last event', async () => {
    const { result, span } = await modelCall('responsesStream')
    expect(result).toMatchObject({ text: 'Hello! You said: Stream me a reply', status: 200 })
    expect(span.input_tokens).toBeGreaterThan(0)
    expect(span.output_tokens).toBeGreaterThan(0)
    expect(messages(span.input)).toEqual([{ role: 'user', content: 'Stream me a reply' }])
    expect(messages(span.output)[0]).toMatchObject({ role: 'assistant', content: result.text })
  })

  it('the responses.stream() helper', async () => {
    const { result, span } = await modelCall('responsesHelper')
    expect(result.text).toBe('Hello! You said: Use the helper')
    expect(messages(span.output)[0]).toMatchObject({ role: 'assistant', content: result.text })
    expect(span.output_tokens).toBeGreaterThan(0)
  })

  it('a function call is the output', async () => {
    const { result, span } = await modelCall('responsesTool')
    const [out] = messages(span.output)
    expect(out).toMatchObject({ role: 'assistant', content: null })
    expect(out!.tool_calls).toEqual([
      { id: expect.any(String), name: 'get_weather', arguments: '{"city":"test city"}' },
    ])
    expect(result.text).toBe('get_weather {"city":"test city"}')
  })

  it('a streamed call that fails is an error span', async () => {
    const { result, span } = await modelCall('responsesError')
    expect(result.error).toContain('500')
    expect(span.status_code).toBe('ERROR')
    expect(span.status_message).toContain('500')
    expect(messages(span.input)).toEqual([{ role: 'user', content: 'Fail [[error:500]]' }])
  })

  it('a stream the app stops reading still ends its span', async () => {
    const { span } = await modelCall('responsesAbandoned')
    expect(span.status_code).toBe('UNSET')
    expect(messages(span.input)).toEqual([{ role: 'user', content: 'Stop reading me early' }])
  })
})

describe('chat completions and embeddings', () => {
  it('embeddings: an EMBEDDING span with the model, input tokens and the input texts', async () => {
    const { result, span } = await modelCall('embeddings', 'EMBEDDING')
    expect(result.text).toBe('2 vectors of 64')
    expect(span).toMatchObject({ model_request: 'text-embedding-3-small', output_tokens: 0 })
    expect(span.input_tokens).toBeGreaterThan(0)
    expect(JSON.parse(span.input)).toEqual(['Assay stores traces.', 'Prompts are versioned.'])
  })

  it('a streamed tool call is assembled from its deltas, with the usage chunk', async () => {
    const { result, span } = await modelCall('chatToolStream')
    expect(result.text).toBe('get_weather {"city":"test city"}')
    expect(span.input_tokens).toBeGreaterThan(0)
    const [out] = messages(span.output)
    expect(out).toMatchObject({ role: 'assistant', finish_reason: 'tool_calls' })
    expect(out!.tool_calls).toEqual([
      { id: expect.any(String), name: 'get_weather', arguments: '{"city":"test city"}' },
    ])
  })

  it('a chat stream the app stops reading still ends its span', async () => {
    const { span } = await modelCall('chatAbandoned')
    expect(messages(span.input)).toEqual([{ role: 'user', content: 'Stop reading me early' }])
  })
})

describe('prompts.register', () => {
  it('saves a version and moves the alias; a call using it is linked to that version', async () => {
    const { result, span } = await modelCall('registeredPrompt')
    expect(result.version).toBe(1)
    const aliases = await api<{ items: { name: string; version: number }[] }>(
      assay.url,
      'GET',
      '/prompts/calls-greeting/aliases',
    )
    expect(aliases.items).toContainEqual(expect.objectContaining({ name: 'production', version: 1 }))
    const version = await api<{ template: unknown; commitMessage: string }>(
      assay.url,
      'GET',
      '/prompts/calls-greeting/versions/1',
    )
    expect(version).toMatchObject({
      template: { type: 'text', text: 'Greet {{name}} warmly.' },
      commitMessage: 'from the e2e fixture',
    })
    expect(span).toMatchObject({ prompt_name: 'calls-greeting' })
    expect(Number(span.prompt_version)).toBe(1)
    expect(messages(span.input)).toEqual([{ role: 'user', content: 'Greet Ada warmly.' }])
  })
})
