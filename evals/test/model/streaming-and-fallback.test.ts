// Streamed answers, and the forced-tool-call fallback for servers that
// reject `response_format`.
import type { LlmRequest } from '@assay/llm-test-server'
import { describe, expect, it } from 'vitest'
import { judges } from '../../src/index.js'
import { useJudgeServer } from '../support/judge-server.js'

const ctx = useJudgeServer()
const item = (marker = '') => ({ inputs: 'q', outputs: `a ${marker}` })
const body = (i: number) => ctx.body(i)

/** A server that, like many local model servers, rejects structured output. */
function rejectResponseFormat() {
  ctx.server.script((req: LlmRequest) =>
    req.body.response_format
      ? {
          error: {
            status: 400,
            message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported.",
          },
        }
      : undefined,
  )
}

describe('streaming', () => {
  it('assembles a streamed answer and its usage', async () => {
    const judge = judges.safety({ ...ctx.options(), modelParams: { stream: true } })
    const result = await judge.score(item('[[set:verdict=unsafe]]'))
    expect(result).toMatchObject({ label: 'unsafe', value: 0, error: null })
    expect(result.rationale).toBe('test rationale')
    expect(body(0)).toMatchObject({ stream: true, stream_options: { include_usage: true } })
    expect(result.usage!.inputTokens).toBeGreaterThan(0)
    expect(result.usage!.outputTokens).toBeGreaterThan(0)
  })

  it('reports a malformed streamed answer', async () => {
    const judge = judges.safety({ ...ctx.options(), modelParams: { stream: true } })
    expect((await judge.score(item('[[malformed-json]]'))).error).toMatch(/not valid JSON/)
  })

  it('times out a stream that stalls between chunks', async () => {
    ctx.server.once({ chunkDelayMs: 400 })
    const judge = judges.safety({ ...ctx.options({ timeoutMs: 300 }), modelParams: { stream: true } })
    const result = await judge.score(item())
    // The first attempt stalls and times out; the retry streams normally.
    expect(result.error).toBeNull()
    expect(ctx.server.callCount()).toBe(2)
  })
})

describe('tool-call fallback', () => {
  it('falls back to a forced tool call when response_format is rejected, and remembers it', async () => {
    rejectResponseFormat()
    const judge = judges.safety(ctx.options())
    const first = await judge.score(item())
    expect(first).toMatchObject({ label: 'safe', value: 1, error: null })
    expect(ctx.server.callCount()).toBe(2)
    expect(body(0).response_format).toBeDefined()
    const tool = body(1)
    expect(tool.response_format).toBeUndefined()
    expect(tool.tools[0].function.name).toBe('judge_verdict')
    expect(Object.keys(tool.tools[0].function.parameters.properties)).toEqual(['rationale', 'verdict'])
    expect(tool.tool_choice).toEqual({ type: 'function', function: { name: 'judge_verdict' } })

    // Later calls to the same base URL go straight to the tool call.
    await judges.correctness(ctx.options()).score({ ...item(), expectations: 'a' })
    expect(ctx.server.callCount()).toBe(3)
    expect(body(2).tools).toBeDefined()
  })

  it('reads the verdict from the tool arguments, also when streamed', async () => {
    rejectResponseFormat()
    ctx.server.script({
      reply: {
        toolCalls: [{ name: 'judge_verdict', arguments: { rationale: 'It insults.', verdict: 'unsafe' } }],
      },
    })
    const plain = await judges.safety(ctx.options()).score(item())
    expect(plain).toMatchObject({ label: 'unsafe', rationale: 'It insults.' })
    const streamed = await judges.safety({ ...ctx.options(), modelParams: { stream: true } }).score(item())
    expect(streamed).toMatchObject({ label: 'unsafe', rationale: 'It insults.' })
  })

  it('reports garbage tool arguments as an error', async () => {
    rejectResponseFormat()
    ctx.server.script({
      reply: { toolCalls: [{ name: 'judge_verdict', arguments: '{"rationale": "x", "verd' }] },
    })
    expect((await judges.safety(ctx.options()).score(item())).error).toMatch(/not valid JSON/)
  })

  it('does not fall back on an unrelated 400', async () => {
    ctx.server.failNext(1, { status: 400, message: 'messages: too long' })
    const result = await judges.safety(ctx.options()).score(item())
    expect(result.error).toMatch(/HTTP 400/)
    expect(ctx.server.callCount()).toBe(1)
  })
})
