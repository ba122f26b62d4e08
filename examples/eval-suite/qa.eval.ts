/**
 * An evaluation suite: `assay eval qa.eval.ts`.
 *
 * The task is the application under test: a question answered by a chat
 * model through the real `openai` client (any OpenAI-compatible endpoint:
 * `EXAMPLE_MODEL_URL`, else `OPENAI_BASE_URL`). `assay eval` traces each
 * call, so every dataset row becomes a trace in Assay with an LLM span.
 * Scored by exact match against the expected answer and by the
 * correctness judge (its model: `ASSAY_JUDGE_MODEL`, `OPENAI_BASE_URL`).
 */
import { defineSuite, judges, scorers } from '@assay/evals'
import OpenAI from 'openai'

const client = new OpenAI({
  baseURL: process.env.EXAMPLE_MODEL_URL || process.env.OPENAI_BASE_URL || undefined,
  apiKey: process.env.OPENAI_API_KEY || 'not-needed-for-a-local-model',
})

async function answer(inputs: unknown): Promise<string> {
  const { question } = inputs as { question: string }
  const completion = await client.chat.completions.create({
    model: process.env.EXAMPLE_MODEL || 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Answer with the name only, no sentence.' },
      { role: 'user', content: question },
    ],
    temperature: 0,
  })
  return completion.choices[0]?.message.content?.trim() ?? ''
}

export default defineSuite({
  name: 'capitals-qa',
  dataset: './qa.jsonl',
  task: answer,
  scorers: [scorers.exactMatch({ ignoreCase: true }), judges.correctness()],
  thresholds: {
    exact_match: { minPassRate: 0.8 },
    correctness: { minPassRate: 0.8, maxErrorRate: 0.2 },
    overall: { minPassRate: 0.6 },
  },
  concurrency: 4,
  model: { name: 'capitals-qa', params: { model: process.env.EXAMPLE_MODEL || 'gpt-4o-mini' } },
})
