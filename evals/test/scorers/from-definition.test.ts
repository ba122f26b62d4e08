import type { EvaluatorDefinition } from '@assay/core'
import { describe, expect, it } from 'vitest'
import { checkEvaluatorDefinition, scorerFromDefinition } from '../../src/index.js'
import { useJudgeServer } from '../support/judge-server.js'

const ctx = useJudgeServer()

const judge = (fields: Partial<Extract<EvaluatorDefinition, { type: 'judge' }>>): EvaluatorDefinition => ({
  type: 'judge',
  builtin: null,
  template: '',
  choices: [
    { label: 'yes', score: 1 },
    { label: 'no', score: 0 },
  ],
  passThreshold: 1,
  guidelines: [],
  model: null,
  modelParams: {},
  ...fields,
})

const item = { inputs: 'Capital of France?', outputs: 'Paris', expectations: 'Paris' }

describe('scorerFromDefinition', () => {
  it('builds a custom judge named and sourced after the evaluator version', async () => {
    const scorer = scorerFromDefinition(
      {
        name: 'is-city',
        version: 3,
        definition: judge({
          template: 'Is <answer>{{outputs}}</answer> a city?',
          model: 'judge-x',
          modelParams: { seed: 1 },
        }),
      },
      ctx.options(),
    )
    const result = await scorer.score(item)
    expect(scorer.kind).toBe('judge')
    expect(result).toMatchObject({
      name: 'is-city',
      value: 1,
      label: 'yes',
      passed: true,
      sourceId: 'judge:is-city@3',
    })
    expect(ctx.server.calls[0]!.body).toMatchObject({ model: 'judge-x', seed: 1 })
  })

  it('builds a built-in judge (snake or camel case) with the definition threshold and guidelines', async () => {
    const grounded = scorerFromDefinition(
      { name: 'rag', version: 1, definition: judge({ builtin: 'retrievalRelevance', passThreshold: 1 }) },
      ctx.options(),
    )
    const result = await grounded.score({
      inputs: 'Capital? [[set:verdict=partially_relevant]]',
      outputs: 'Paris',
      context: [{ content: 'Paris is the capital.' }],
    })
    expect(result).toMatchObject({ value: 0.5, passed: false, sourceId: 'judge:rag@1' })

    const rules = scorerFromDefinition(
      { name: 'style', version: 2, definition: judge({ builtin: 'guidelines', guidelines: ['Be brief.'] }) },
      ctx.options(),
    )
    expect((await rules.score(item)).label).toBe('compliant')
    expect(ctx.userText(1)).toContain('1. Be brief.')
  })

  it('maps code scorers and their params', async () => {
    const defs: [string, Record<string, unknown>, boolean][] = [
      ['exact_match', { ignoreCase: true }, true],
      ['contains', { value: 'ar' }, true],
      ['regex', { pattern: '^p', flags: 'i' }, true],
      ['valid_json', {}, false],
      ['json_schema', { schema: { type: 'string' } }, true],
      ['numeric_tolerance', { expected: 40, tolerance: 1 }, false],
      ['similarity', { threshold: 0.5 }, true],
      ['latency', { maxMs: 100 }, true],
      ['cost', { maxUsd: 0.01 }, true],
    ]
    for (const [scorer, params, passed] of defs) {
      const s = scorerFromDefinition({
        name: `my-${scorer}`,
        version: 1,
        definition: { type: 'code', scorer, params },
      })
      const result = await s.score({ ...item, latencyMs: 50, costUsd: 0.001 })
      expect(result, scorer).toMatchObject({
        name: `my-${scorer}`,
        passed,
        error: null,
        sourceType: 'CODE',
        sourceId: `code:my-${scorer}@1`,
      })
    }
  })

  it.each([
    [{ type: 'code', scorer: 'nope', params: {} }, /unknown code scorer "nope"/],
    [{ type: 'code', scorer: 'regex', params: { pattern: '(' } }, /invalid pattern/],
    [{ type: 'code', scorer: 'regex', params: { pattern: 'a', flgs: 'i' } }, /does not take flgs/],
    [
      { type: 'code', scorer: 'json_schema', params: { schema: { type: 'nonsense' } } },
      /invalid JSON schema/,
    ],
    [judge({ builtin: 'truthiness' }), /unknown built-in judge "truthiness"/],
    [judge({ template: 'Is {{ouputs}} ok?' }), /unknown template variable \{\{ouputs\}\}/],
    [judge({ builtin: 'guidelines' }), /no guidelines|none are given/],
    [{ type: 'judge', template: 'x' }, /invalid definition/],
  ])('turns a bad definition into error results: %#', async (definition, message) => {
    const evaluator = { name: 'bad', version: 1, definition: definition as EvaluatorDefinition }
    expect(checkEvaluatorDefinition(evaluator)).toMatch(message)
    const result = await scorerFromDefinition(evaluator, ctx.options()).score(item)
    expect(result.value).toBeNull()
    expect(result.error).toMatch(/^invalid evaluator definition: /)
    expect(result.error).toMatch(message)
    expect(ctx.server.callCount()).toBe(0)
  })

  it('accepts a good definition', () => {
    expect(
      checkEvaluatorDefinition({ name: 'ok', version: 1, definition: judge({ builtin: 'safety' }) }),
    ).toBeNull()
  })
})
