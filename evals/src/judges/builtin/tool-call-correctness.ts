import type { BuiltinJudgeSpec } from './builtin-judge.js'

/** Did the application pick the right tools, with the right arguments, and use their results faithfully? */
export const toolCallCorrectnessSpec: BuiltinJudgeSpec = {
  name: 'tool_call_correctness',
  version: 1,
  choices: [
    { label: 'correct', score: 1 },
    { label: 'incorrect', score: 0 },
  ],
  passThreshold: 1,
  template: `Task: decide whether the application used its tools correctly while handling the request. The tool calls come from the application's trace: what its model asked to call, and what actually ran.

<request>
{{inputs}}
</request>

<tool_calls>
{{tool_calls}}
</tool_calls>

<final_response>
{{outputs}}
</final_response>

How to decide:
- "correct": each call was needed for the request or a reasonable step toward it; its arguments match what the request and earlier results call for (the right entities, values, units and formats); no call the request needs is missing; and the final response does not misstate what the tools returned.
- "incorrect": a wrong tool was chosen, an argument is wrong or made up, a needed call is missing (including no call at all when the request needs one), a failed call was silently ignored, or the final response contradicts a tool's result.
- Retrying after an error, or one redundant call to a read-only tool, is not by itself incorrect.`,
}
