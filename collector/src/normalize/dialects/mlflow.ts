import type { SpanKind } from '@assay/core'
import type { AnyValue } from '../../otlp/types.js'
import { documentsFromValue } from '../documents.js'
import { fill, fillIo, fillKind, fillUsage, type SpanDraft } from '../draft.js'
import { ioFromText, ioFromValue } from '../io.js'
import { jsonText } from '../io-text.js'
import { mapKind } from '../kinds.js'
import { parseJson, readJson, readString, toCount } from '../read.js'
import { MLFLOW } from './detect.js'
import type { Dialect } from './types.js'

/**
 * MLflow tracing keys. MLflow JSON-encodes every attribute value, so
 * `mlflow.spanType` arrives as `"\"LLM\""`; inputs and outputs are JSON of
 * the traced function's arguments and result. Session and user are trace
 * metadata in MLflow (`mlflow.trace.session`, `mlflow.trace.user`), read
 * here when an exporter copies them onto spans.
 */

const KINDS: Record<string, SpanKind> = { chat_model: 'CHAT_MODEL', parser: 'CHAIN' }

/** MLflow's JSON-encoded string, or the plain string when it is not encoded. */
function decoded(text: string): string {
  const v = text.startsWith('"') ? parseJson(text) : undefined
  return typeof v === 'string' ? v : text
}

export const mlflowDialect: Dialect = {
  name: 'mlflow',
  mask: MLFLOW,
  apply(d: SpanDraft) {
    const a = d.attrs
    fillKind(d, mapKind(decoded(readString(a, 'mlflow.spanType')), KINDS))
    const inputsText = readString(a, 'mlflow.spanInputs')
    if (inputsText !== '') {
      const inputs = parseJson(inputsText)
      if (typeof inputs === 'object' && inputs !== null && !Array.isArray(inputs)) {
        const model = (inputs as Record<string, unknown>).model
        if (typeof model === 'string') fill(d, 'model_request', model)
      }
      fillIo(d, 'input', () =>
        inputs === undefined ? ioFromText(inputsText, 'input') : ioFromValue(inputs, 'input'),
      )
    }
    const outputsText = readString(a, 'mlflow.spanOutputs')
    if (outputsText !== '') {
      fillIo(d, 'output', () => {
        const outputs = parseJson(outputsText)
        if (outputs === undefined) return ioFromText(outputsText, 'output')
        const docs = d.row.kind === 'RETRIEVER' ? documentsFromValue(outputs) : undefined
        return docs ? jsonText(docs) : ioFromValue(outputs, 'output')
      })
    }
    const usage = readJson(a, 'mlflow.chat.tokenUsage')
    if (typeof usage === 'object' && usage !== null) {
      const u = usage as Record<string, AnyValue>
      fillUsage(d, {
        input: toCount(u.input_tokens),
        output: toCount(u.output_tokens),
        total: toCount(u.total_tokens),
        cached: toCount(u.cache_read_input_tokens ?? u.cached_tokens),
      })
    }
    fill(d, 'session_id', decoded(readString(a, 'mlflow.trace.session')))
    fill(d, 'user_id', decoded(readString(a, 'mlflow.trace.user')))
  },
}
