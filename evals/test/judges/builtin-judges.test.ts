// Each built-in judge against the test server, with both of its ends of the
// scale: the default answer (the first label) and a verdict set by a marker.
import { describe, expect, it } from 'vitest'
import { judges } from '../../src/index.js'
import type { EvalItem } from '../../src/types.js'
import { useJudgeServer } from '../support/judge-server.js'
import { span, spanId, TRACE_ID } from '../support/spans.js'

const ctx = useJudgeServer()

const ragItem = (marker = ''): EvalItem => ({
  inputs: { question: 'What is the capital of France?' },
  outputs: `Paris is the capital of France. ${marker}`,
  expectations: { expected_response: 'Paris' },
  context: [{ id: 'doc-1', content: 'Paris is the capital and largest city of France.' }],
})

const toolItem = (marker = ''): EvalItem => ({
  inputs: `Weather in Paris? ${marker}`,
  outputs: 'It is 18°C and sunny in Paris.',
  trace: {
    traceId: TRACE_ID,
    spans: [
      span(1, { name: 'agent', kind: 'AGENT', durationMs: 500 }),
      span(2, {
        name: 'chat gpt-4o',
        kind: 'LLM',
        parent_span_id: spanId(1),
        output: JSON.stringify([
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'c1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
          },
        ]),
      }),
      span(3, {
        name: 'get_weather',
        kind: 'TOOL',
        status_code: 'OK',
        parent_span_id: spanId(1),
        input: '{"city":"Paris"}',
        output: '{"temperature":18}',
      }),
    ],
  },
})

const cases = [
  { judge: () => judges.correctness(ctx.options()), item: ragItem, good: 'correct', bad: 'incorrect' },
  { judge: () => judges.relevance(ctx.options()), item: ragItem, good: 'relevant', bad: 'not_relevant' },
  { judge: () => judges.groundedness(ctx.options()), item: ragItem, good: 'grounded', bad: 'not_grounded' },
  {
    judge: () => judges.retrievalRelevance(ctx.options()),
    item: (m = '') => ({ ...ragItem(), inputs: `What is the capital of France? ${m}` }),
    good: 'relevant',
    bad: 'not_relevant',
  },
  { judge: () => judges.safety(ctx.options()), item: ragItem, good: 'safe', bad: 'unsafe' },
  {
    judge: () => judges.guidelines(['Answer in one sentence.', 'Name the city.'], ctx.options()),
    item: ragItem,
    good: 'compliant',
    bad: 'non_compliant',
  },
  {
    judge: () => judges.toolCallCorrectness(ctx.options()),
    item: toolItem,
    good: 'correct',
    bad: 'incorrect',
  },
]

describe.each(cases)('built-in judge $good / $bad', ({ judge, item, good, bad }) => {
  it(`scores "${good}" as a pass`, async () => {
    const result = await judge().score(item())
    expect(result).toMatchObject({
      value: 1,
      label: good,
      passed: true,
      error: null,
      sourceType: 'LLM_JUDGE',
    })
    expect(result.rationale).not.toBe('')
    expect(result.usage).toMatchObject({ calls: 1, cachedCalls: 0 })
    expect(result.usage!.inputTokens).toBeGreaterThan(0)
  })

  it(`scores "${bad}" as a fail`, async () => {
    const result = await judge().score(item(`[[set:verdict=${bad}]]`))
    expect(result).toMatchObject({ value: 0, label: bad, passed: false, error: null })
  })
})

describe('what the judges send', () => {
  it('asks for strict structured output with the rationale before the verdict', async () => {
    const judge = judges.correctness(ctx.options())
    await judge.score(ragItem())
    const body = ctx.body(0)
    const format = body.response_format
    expect(format.type).toBe('json_schema')
    expect(format.json_schema.strict).toBe(true)
    expect(Object.keys(format.json_schema.schema.properties)).toEqual(['rationale', 'verdict'])
    expect(format.json_schema.schema.properties.verdict.enum).toEqual([
      'correct',
      'partially_correct',
      'incorrect',
    ])
    const [system, user] = body.messages
    expect(system.role).toBe('system')
    expect(user.content).toContain(
      '<expected_answer>\n{\n  "expected_response": "Paris"\n}\n</expected_answer>',
    )
    expect(user.content).toContain('"question": "What is the capital of France?"')
    expect(judge.sourceId).toBe('judge:correctness@1')
  })

  it('renders numbered context, the trace outline and tool calls', async () => {
    await judges.groundedness(ctx.options()).score(ragItem())
    const grounded = ctx.userText(0)
    expect(grounded).toContain('[1] (id: doc-1)\nParis is the capital and largest city of France.')
    await judges.toolCallCorrectness(ctx.options()).score(toolItem())
    const tools = ctx.userText(1)
    expect(tools).toContain('1. get_weather({"city":"Paris"})')
    expect(tools).toContain('1. get_weather OK 10 ms')
    expect(tools).toContain('result: {"temperature":18}')
  })

  it('passes model parameters through and keeps the judge in charge of the format', async () => {
    const judge = judges.safety(ctx.options({ model: 'judge-model' }))
    const tuned = judges.safety({
      ...ctx.options(),
      modelParams: { temperature: 0, seed: 7, n: 3, messages: [] },
    })
    await judge.score(ragItem())
    await tuned.score(ragItem())
    expect(ctx.body(0).model).toBe('judge-model')
    const body = ctx.server.calls[1]!.body as Record<string, unknown>
    expect(body).toMatchObject({ temperature: 0, seed: 7 })
    expect(body.n).toBeUndefined()
    expect((body.messages as unknown[]).length).toBe(2)
  })
})

describe('items a judge cannot judge', () => {
  it.each([
    [
      'correctness without expectations',
      () => judges.correctness(ctx.options()),
      { ...ragItem(), expectations: undefined },
      /expectations/,
    ],
    [
      'groundedness without context',
      () => judges.groundedness(ctx.options()),
      { ...ragItem(), context: [] },
      /retrieved context/,
    ],
    [
      'relevance without inputs',
      () => judges.relevance(ctx.options()),
      { outputs: 'x', inputs: undefined },
      /no inputs/,
    ],
    ['tool calls without a trace', () => judges.toolCallCorrectness(ctx.options()), ragItem(), /no trace/],
  ])('%s is an error without a model call', async (_, judge, item, message) => {
    const result = await judge().score(item as EvalItem)
    expect(result.value).toBeNull()
    expect(result.passed).toBeNull()
    expect(result.error).toMatch(message)
    expect(ctx.server.callCount()).toBe(0)
  })
})
