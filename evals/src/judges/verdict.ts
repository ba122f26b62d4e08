import type { Acceptance, ModelAnswer, OutputSchema } from '../model/index.js'

/**
 * The judge's answer: a rationale, then a verdict from a fixed set of
 * labels. The rationale comes first in the schema on purpose: models write
 * properties in order, so the verdict is produced after the reasoning and
 * follows from it, instead of being rationalized afterwards.
 */
export interface Verdict {
  rationale: string
  label: string
}

export function verdictSchema(labels: readonly string[]): OutputSchema {
  return {
    name: 'judge_verdict',
    description: 'The evaluation: first the reasoning, then exactly one verdict label.',
    schema: {
      type: 'object',
      properties: {
        rationale: {
          type: 'string',
          description: 'Step-by-step reasoning that cites the evidence, written before choosing the verdict.',
        },
        verdict: { type: 'string', enum: [...labels], description: 'One of the allowed verdict labels.' },
      },
      required: ['rationale', 'verdict'],
      additionalProperties: false,
    },
  }
}

/**
 * Reads an answer into a verdict, or says precisely why it cannot: a
 * refusal, a cut-off answer, text that is not JSON, a missing or empty
 * rationale, a verdict outside the labels. Only a case difference or
 * surrounding spaces in the label are forgiven (servers without strict
 * schemas produce them); anything else would be a guess.
 */
export function readVerdict(answer: ModelAnswer, labels: readonly string[]): Acceptance<Verdict> {
  if (answer.refusal) return { ok: false, reason: `the judge model refused: ${answer.refusal}` }
  const text = stripCodeFence(answer.content)
  if (text === '') return { ok: false, reason: 'the judge model gave an empty answer' }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    const cut = answer.finishReason === 'length' ? ' (cut off: finish_reason length)' : ''
    return { ok: false, reason: `the judge answer is not valid JSON${cut}: ${preview(text)}` }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: `the judge answer is not a JSON object: ${preview(text)}` }
  }
  const { rationale, verdict } = parsed as Record<string, unknown>
  if (typeof rationale !== 'string' || rationale.trim() === '') {
    return { ok: false, reason: 'the judge answer has no rationale' }
  }
  if (typeof verdict !== 'string') return { ok: false, reason: 'the judge answer has no verdict' }
  const label = labels.includes(verdict) ? verdict : caseInsensitiveMatch(verdict, labels)
  if (label === undefined) {
    return {
      ok: false,
      reason: `the judge verdict ${JSON.stringify(preview(verdict))} is not one of: ${labels.join(', ')}`,
    }
  }
  return { ok: true, value: { rationale: rationale.trim(), label } }
}

function caseInsensitiveMatch(verdict: string, labels: readonly string[]): string | undefined {
  const wanted = verdict.trim().toLowerCase()
  const matches = labels.filter((label) => label.toLowerCase() === wanted)
  return matches.length === 1 ? matches[0] : undefined
}

function stripCodeFence(text: string): string {
  const trimmed = text.trim()
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(trimmed)
  return fenced ? fenced[1]!.trim() : trimmed
}

function preview(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}
