/**
 * A judge-shaped scorer for the runner's tests and benchmark: one
 * structured-output call per item through the real `openai` client to the
 * LLM test server, wrapped in the run's limiter as the judges' own model
 * client does. The test server answers the schema's first enum value
 * (`yes`) unless a marker in the prompt (`[[set:verdict=no]]`,
 * `[[error:500]]`) says otherwise, so a dataset row steers its verdict.
 */
import OpenAI from 'openai'
import type { Scorer } from '../../src/types.js'

const SCHEMA = {
  type: 'object',
  properties: { rationale: { type: 'string' }, verdict: { type: 'string', enum: ['yes', 'no'] } },
  required: ['rationale', 'verdict'],
  additionalProperties: false,
}

export function testJudge(name: string, baseURL: string): Scorer {
  const client = new OpenAI({ baseURL, apiKey: 'test', maxRetries: 0 })
  const source = { sourceType: 'LLM_JUDGE' as const, sourceId: `judge:${name}@1` }
  return {
    name,
    kind: 'judge',
    async score(item, context) {
      const limiter = context?.judgeModel?.limiter ?? ((fn) => fn())
      try {
        const res = await limiter(() =>
          client.chat.completions.create({
            model: 'judge',
            messages: [
              {
                role: 'user',
                content: `judge ${name}: question ${JSON.stringify(item.inputs)} answer ${JSON.stringify(item.outputs)}`,
              },
            ],
            response_format: { type: 'json_schema', json_schema: { name: 'verdict', schema: SCHEMA } },
          }),
        )
        const answer = JSON.parse(res.choices[0]?.message.content ?? '') as {
          rationale: string
          verdict: string
        }
        const usage = {
          calls: 1,
          cachedCalls: 0,
          inputTokens: res.usage?.prompt_tokens ?? 0,
          outputTokens: res.usage?.completion_tokens ?? 0,
          costUsd: 0.001,
        }
        const passed = answer.verdict === 'yes'
        return {
          name,
          value: passed ? 1 : 0,
          rationale: answer.rationale,
          passed,
          error: null,
          usage,
          ...source,
        }
      } catch (error) {
        return { name, value: null, rationale: '', passed: null, error: (error as Error).message, ...source }
      }
    },
  }
}

/** A code scorer: 1 when the output equals `expectations.expected`. */
export function exactScorer(): Scorer {
  return {
    name: 'exact',
    kind: 'code',
    async score(item) {
      const expected = (item.expectations as { expected?: unknown } | undefined)?.expected
      const passed = item.outputs === expected
      return {
        name: 'exact',
        value: passed,
        rationale: passed ? 'equal' : `expected ${JSON.stringify(expected)}`,
        passed,
        error: null,
        sourceType: 'CODE',
        sourceId: 'code:exact',
      }
    },
  }
}
