import type { BuiltinJudgeSpec } from './builtin-judge.js'

/** Did the retriever find documents that help answer the question? (Judges the retrieval, not the answer.) */
export const retrievalRelevanceSpec: BuiltinJudgeSpec = {
  name: 'retrieval_relevance',
  version: 1,
  choices: [
    { label: 'relevant', score: 1 },
    { label: 'partially_relevant', score: 0.5 },
    { label: 'not_relevant', score: 0 },
  ],
  passThreshold: 0.5,
  template: `Task: decide whether the retrieved documents contain information that helps answer the question. Judge the documents only; no answer is shown, and none is needed.

<question>
{{inputs}}
</question>

<documents>
{{context}}
</documents>

How to decide:
- "relevant": at least one document directly contains the information needed to answer, and the documents are mostly on the question's topic.
- "partially_relevant": the documents are on topic but hold only part of the needed information, or the one useful document sits among mostly unrelated ones.
- "not_relevant": no document helps answer the question, even if some share its keywords.
Refer to documents by their numbers in the rationale.`,
}
