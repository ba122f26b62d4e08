import type { BuiltinJudgeSpec } from './builtin-judge.js'

/** Is every claim of the response supported by the documents the application retrieved? */
export const groundednessSpec: BuiltinJudgeSpec = {
  name: 'groundedness',
  version: 1,
  choices: [
    { label: 'grounded', score: 1 },
    { label: 'partially_grounded', score: 0.5 },
    { label: 'not_grounded', score: 0 },
  ],
  passThreshold: 1,
  template: `Task: decide whether the factual claims in the response are supported by the retrieved documents. Judge support only: a claim that is true in the world but absent from the documents is unsupported, and usefulness does not matter here.

<question>
{{inputs}}
</question>

<documents>
{{context}}
</documents>

<response>
{{outputs}}
</response>

How to decide:
- Go through the response claim by claim. A claim is supported when a document states it or it follows directly from what the documents state.
- Greetings, restating the question, and saying that the documents do not contain the answer need no support.
- "grounded": every factual claim is supported.
- "partially_grounded": the main claims are supported, but at least one secondary detail (a number, name, date, or qualification) is not.
- "not_grounded": a central claim is missing from the documents or contradicts them.
In the rationale, cite the numbers of the documents that support the main claims, and quote any claim that lacks support.`,
}
