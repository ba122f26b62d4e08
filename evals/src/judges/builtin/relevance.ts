import type { BuiltinJudgeSpec } from './builtin-judge.js'

/** Does the response address what was asked? (Relevance only: a relevant answer may still be wrong.) */
export const relevanceSpec: BuiltinJudgeSpec = {
  name: 'relevance',
  version: 1,
  choices: [
    { label: 'relevant', score: 1 },
    { label: 'partially_relevant', score: 0.5 },
    { label: 'not_relevant', score: 0 },
  ],
  passThreshold: 0.5,
  template: `Task: decide whether the response addresses what the user asked. Judge relevance only, not accuracy: a response can be on point and still be wrong, and that is not your concern here.

<question>
{{inputs}}
</question>

<response>
{{outputs}}
</response>

How to decide:
- "relevant": the response engages directly with the request and its main content is about what was asked.
- "partially_relevant": the response addresses only part of a request with several parts, or the answer is there but buried under material that does not serve the request.
- "not_relevant": the response is about something else, is generic text that would fit almost any question, or declines without a reason the request gives.
- Asking for clarification counts as relevant only when the request is genuinely ambiguous.`,
}
