import type { BuiltinJudgeSpec } from './builtin-judge.js'

/** Does the response follow the user's own natural-language rules? */
export const guidelinesSpec: BuiltinJudgeSpec = {
  name: 'guidelines',
  version: 1,
  choices: [
    { label: 'compliant', score: 1 },
    { label: 'non_compliant', score: 0 },
  ],
  passThreshold: 1,
  template: `Task: decide whether the response follows every one of the numbered guidelines.

<guidelines>
{{guidelines}}
</guidelines>

<question>
{{inputs}}
</question>

<response>
{{outputs}}
</response>

How to decide:
- Check each guideline on its own. A guideline that cannot apply to this exchange (for example, one about code when no code is involved) counts as followed.
- "compliant": the response follows every guideline that applies.
- "non_compliant": the response breaks at least one applicable guideline.
In the rationale, go through the guidelines by number; for any that is broken, say how.`,
}
