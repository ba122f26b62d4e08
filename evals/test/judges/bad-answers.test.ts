// Answers a judge must not turn into a score: each becomes a result with an
// error and a null value, with the tokens it cost still counted.
import { describe, expect, it } from 'vitest'
import { defineJudge, judges } from '../../src/index.js'
import { useJudgeServer } from '../support/judge-server.js'

const ctx = useJudgeServer()
const item = (marker: string) => ({ inputs: 'q', outputs: `a ${marker}` })

describe('unusable judge answers', () => {
  it.each([
    ['[[malformed-json]]', /not valid JSON/],
    ['[[malformed-json]] [[finish:length]]', /cut off: finish_reason length/],
    ['[[no-rationale]]', /no rationale/],
    ['[[set:rationale=""]]', /no rationale/],
    ['[[omit:verdict]]', /no verdict/],
    ['[[set:verdict=maybe]]', /"maybe" is not one of: safe, unsafe/],
    ['[[reply:The answer is safe.]]', /not valid JSON/],
    ['[[reply:"just a string"]]', /not a JSON object/],
    ['[[reply:]]', /empty answer/],
  ])('%s is an error result', async (marker, message) => {
    const result = await judges.safety(ctx.options()).score(item(marker))
    expect(result.value).toBeNull()
    expect(result.passed).toBeNull()
    expect(result.label).toBeUndefined()
    expect(result.error).toMatch(message)
    expect(result.usage?.calls).toBe(1)
    expect(ctx.server.callCount()).toBe(1)
  })

  it('forgives only case and spaces in a verdict label', async () => {
    ctx.server.once({ json: { rationale: 'fine', verdict: ' SAFE ' } })
    expect(await judges.safety(ctx.options()).score(item(''))).toMatchObject({ label: 'safe', value: 1 })
  })

  it('reads a JSON answer wrapped in a code fence', async () => {
    ctx.server.once({ content: '```json\n{"rationale":"ok","verdict":"unsafe"}\n```' })
    expect(await judges.safety(ctx.options()).score(item(''))).toMatchObject({
      label: 'unsafe',
      passed: false,
    })
  })

  it('a permanent HTTP error is not retried', async () => {
    ctx.server.failNext(1, { status: 401, message: 'Incorrect API key provided.' })
    const result = await judges.safety(ctx.options()).score(item(''))
    expect(result.error).toMatch(/judge model call failed: HTTP 401/)
    expect(ctx.server.callCount()).toBe(1)
  })

  it('never throws, whatever the item holds', async () => {
    const cyclic: Record<string, unknown> = { big: 10n, fn() {} }
    cyclic.self = cyclic
    const result = await judges.safety(ctx.options()).score({ inputs: cyclic, outputs: cyclic })
    expect(result.error).toBeNull()
    const sent = ctx.userText(0)
    expect(sent).toContain('"self": "[Circular]"')
  })

  it('cuts huge values with a visible marker', async () => {
    await judges.safety(ctx.options()).score({ inputs: 'q', outputs: 'x'.repeat(200_000) })
    const sent = ctx.userText(0)
    expect(sent.length).toBeLessThan(60_000)
    expect(sent).toContain('[truncated: 150000 more characters]')
  })
})

describe('defineJudge', () => {
  const base = {
    name: 'concise',
    version: 1,
    template: 'Is <answer>{{outputs}}</answer> concise?',
    choices: [
      { label: 'yes', score: 1 },
      { label: 'no', score: 0 },
    ],
  }

  it('has no pass/fail without a threshold', async () => {
    const result = await defineJudge(base, ctx.options()).score(item('[[set:verdict=no]]'))
    expect(result).toMatchObject({ value: 0, label: 'no', passed: null, sourceId: 'judge:concise@1' })
  })

  it.each([
    [{ template: 'no variables' }, /uses no variable/],
    [{ template: '{{outputs}} {{expected}}' }, /unknown template variable \{\{expected\}\}/],
    [{ choices: [{ label: 'only', score: 1 }] }, /at least two choices/],
    [
      {
        choices: [
          { label: 'a', score: 1 },
          { label: 'a', score: 0 },
        ],
      },
      /unique/,
    ],
    [
      {
        choices: [
          { label: 'a', score: Number.NaN },
          { label: 'b', score: 0 },
        ],
      },
      /finite score/,
    ],
    [{ version: 0 }, /version/],
    [{ name: '' }, /name/],
    [{ template: '{{guidelines}} {{outputs}}' }, /none are given/],
    [{ passThreshold: Number.POSITIVE_INFINITY }, /passThreshold/],
  ])('rejects a bad definition: %#', (change, message) => {
    expect(() => defineJudge({ ...base, ...change })).toThrow(message)
  })

  it('does not expand placeholders that appear inside the item', async () => {
    await defineJudge(base, ctx.options()).score({ inputs: 'q', outputs: 'see {{inputs}}' })
    expect(ctx.userText(0)).toContain('<answer>see {{inputs}}</answer>')
  })
})
