/**
 * What every run of the example app must produce in Assay, whatever the
 * module system or the way the SDK was loaded: the trace trees, kinds,
 * messages, tokens, cost, LoggedModel and prompt version.
 */
import { expect } from 'vitest'
import { type SpanRow, waitForTrace } from './assay-api.js'
import type { AppRun } from './run-app.js'

const byName = (spans: SpanRow[], name: string) => spans.filter((s) => s.name === name)
const isLlm = (s: SpanRow) => s.kind === 'LLM'
const withIo = (s: SpanRow) => s.input !== '' && s.output !== ''

export async function expectAppTraces(base: string, run: AppRun, modelId: string): Promise<void> {
  expect(run.code, run.stderr).toBe(0)
  const result = run.result!

  // RAG: CHAIN root -> RETRIEVER (documents) + streamed LLM call with the prompt version.
  const rag = await waitForTrace(
    base,
    result.answer.traceId,
    (s) => s.length === 3 && s.filter(isLlm).every(withIo),
  )
  const [root] = byName(rag, 'answer-question')
  const [retrieve] = byName(rag, 'retrieve')
  const llm = rag.find(isLlm)!
  expect(root).toMatchObject({
    kind: 'CHAIN',
    parent_span_id: '',
    session_id: 'session-1',
    user_id: 'user-1',
  })
  expect(retrieve).toMatchObject({ kind: 'RETRIEVER', parent_span_id: root!.span_id })
  const docs = JSON.parse(retrieve!.output)
  expect(docs[0]).toEqual({
    id: 'doc-1',
    content: 'Assay stores traces in ClickHouse.',
    score: 3,
    metadata: { source: 'docs/storage.md' },
  })
  expect(llm).toMatchObject({ parent_span_id: root!.span_id, model_request: 'gpt-4o-mini' })
  expect(llm.input_tokens).toBeGreaterThan(0)
  expect(llm.output_tokens).toBeGreaterThan(0)
  expect(llm.cost_usd).toBeGreaterThan(0)
  expect(llm).toMatchObject({ prompt_name: 'rag-answer' })
  expect(Number(llm.prompt_version)).toBe(1)
  const input = JSON.parse(llm.input) as { role: string; content: string }[]
  expect(input).toContainEqual({ role: 'user', content: 'Where does Assay store traces?' })
  expect(input.find((m) => m.role === 'system')?.content).toContain('Assay stores traces in ClickHouse.')
  // The streamed answer, assembled whole.
  expect(JSON.parse(llm.output)[0]).toMatchObject({ role: 'assistant', content: result.answer.text })
  expect(result.answer.text).toBe('Hello! You said: Where does Assay store traces?')
  for (const span of rag) expect(span.model_id).toBe(modelId)

  // Agent: AGENT root -> LLM (tool call) -> TOOL -> LLM (answer).
  const agent = await waitForTrace(
    base,
    result.agent.traceId,
    (s) => s.length === 4 && s.filter(isLlm).every(withIo),
  )
  const [agentRoot] = byName(agent, 'weather-agent')
  expect(agentRoot!.kind).toBe('AGENT')
  const calls = agent.filter(isLlm).sort((a, b) => Number(BigInt(a.start_time) - BigInt(b.start_time)))
  expect(calls).toHaveLength(2)
  const toolCall = JSON.parse(calls[0]!.output)[0]
  expect(toolCall.tool_calls[0]).toMatchObject({ name: 'get_weather' })
  const [tool] = byName(agent, 'get_weather')
  expect(tool).toMatchObject({ kind: 'TOOL', parent_span_id: agentRoot!.span_id })
  expect(JSON.parse(tool!.output)).toMatchObject({ forecast: 'sunny' })

  // A failed call is an error span; the app caught it and went on.
  const failing = await waitForTrace(base, result.failing.traceId, (s) => s.length === 2)
  const failed = failing.find(isLlm)!
  expect(failed.status_code).toBe('ERROR')
  expect(failed.status_message).toContain('500')
  expect(result.failing.text).toBe('failed with 500')
}
