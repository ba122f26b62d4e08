import type { SpanDraft } from '../draft.js'
import { assayDialect } from './assay.js'
import { dialectMask } from './detect.js'
import { genAiDialect } from './gen-ai.js'
import { genAiLegacyDialect } from './gen-ai-legacy.js'
import { langfuseDialect } from './langfuse.js'
import { mlflowDialect } from './mlflow.js'
import { openInferenceDialect } from './openinference.js'
import { openLlmetryDialect } from './openllmetry.js'
import type { Dialect } from './types.js'
import { vercelAiDialect } from './vercel-ai.js'

/**
 * The precedence of dialects, in one place. Each fills only fields still
 * empty, so for any field the first dialect in this list that knows a value
 * wins. The order goes from the most deliberate source to the most generic:
 *
 * 1. assay        — keys the user set through Assay's SDK.
 * 2. langfuse     — an SDK's explicit observation fields.
 * 3. mlflow       — an SDK's explicit span inputs/outputs.
 * 4. openinference
 * 5. vercel-ai    — framework keys, richer than the GenAI keys it also sets.
 * 6. openllmetry  — workflow/entity keys around GenAI model calls.
 * 7. gen-ai       — OpenTelemetry GenAI, current and older scalar keys.
 * 8. gen-ai-legacy — indexed `gen_ai.prompt.N.*` / `gen_ai.completion.N.*`.
 *
 * After the dialects, message events on the span fill an input/output still
 * empty, and the resource's `deployment.environment(.name)` an empty environment.
 */
export const DIALECTS: readonly Dialect[] = [
  assayDialect,
  langfuseDialect,
  mlflowDialect,
  openInferenceDialect,
  vercelAiDialect,
  openLlmetryDialect,
  genAiDialect,
  genAiLegacyDialect,
]

export function applyDialects(d: SpanDraft): void {
  const mask = dialectMask(d.attrs, d.events.length)
  if (mask === 0) return
  for (const dialect of DIALECTS) if ((dialect.mask & mask) !== 0) dialect.apply(d)
}
