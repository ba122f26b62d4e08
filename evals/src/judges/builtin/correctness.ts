import type { BuiltinJudgeSpec } from './builtin-judge.js'

/** Is the response right, measured against the item's expectations (ground truth)? */
export const correctnessSpec: BuiltinJudgeSpec = {
  name: 'correctness',
  version: 1,
  choices: [
    { label: 'correct', score: 1 },
    { label: 'partially_correct', score: 0.5 },
    { label: 'incorrect', score: 0 },
  ],
  passThreshold: 1,
  template: `Task: decide whether the response answers the question correctly. The expected answer is the reference for what is true; you are checking the response against it, not against your own knowledge.

<question>
{{inputs}}
</question>

<response>
{{outputs}}
</response>

<expected_answer>
{{expectations}}
</expected_answer>

How to decide:
- Compare meaning, not wording. Paraphrase, different formatting or ordering, equivalent units or number formats, and accurate extra detail are all acceptable.
- "correct": the response states every essential fact of the expected answer, and nothing in it contradicts the expected answer.
- "partially_correct": the response gets some essential facts right but leaves others out, or hedges between the right answer and a wrong one.
- "incorrect": the response contradicts the expected answer on an essential point, answers a different question, or gives no answer.
- Claims the expected answer does not mention count against the response only when they are plainly false or conflict with it.`,
}
