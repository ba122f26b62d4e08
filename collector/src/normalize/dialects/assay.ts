import { ASSAY_ATTR } from '@assay/core'
import type { AnyValue } from '../../otlp/types.js'
import { fill, fillCost, fillIo, fillKind, fillMetadata, type SpanDraft } from '../draft.js'
import { ioFromAttribute } from '../io.js'
import { asSpanKind } from '../kinds.js'
import { readAmount, readString } from '../read.js'
import { addTags } from '../tags.js'
import { stringifyValue } from '../values.js'
import { ASSAY } from './detect.js'
import type { Dialect } from './types.js'

/** Assay's own keys (`assay.*`, written by `@assay/sdk`): the user's explicit word, so first in precedence. */
export const assayDialect: Dialect = {
  name: 'assay',
  mask: ASSAY,
  apply(d: SpanDraft) {
    const a = d.attrs
    fillKind(d, asSpanKind(readString(a, ASSAY_ATTR.spanKind)))
    fill(d, 'model_id', readString(a, ASSAY_ATTR.modelId))
    fill(d, 'session_id', readString(a, ASSAY_ATTR.sessionId))
    fill(d, 'user_id', readString(a, ASSAY_ATTR.userId))
    fill(d, 'prompt_name', readString(a, ASSAY_ATTR.promptName))
    fill(d, 'prompt_version', readString(a, ASSAY_ATTR.promptVersion))
    fill(d, 'environment', readString(a, ASSAY_ATTR.environment))
    if (a[ASSAY_ATTR.tags] !== undefined) addTags(d, a[ASSAY_ATTR.tags])
    fillIo(d, 'input', () => ioFromAttribute(a[ASSAY_ATTR.input], 'input'))
    fillIo(d, 'output', () => ioFromAttribute(a[ASSAY_ATTR.output], 'output'))
    fillCost(d, readAmount(a, ASSAY_ATTR.costUsd))
    const prefix = ASSAY_ATTR.metadataPrefix
    for (const key in a) {
      if (key.startsWith(prefix))
        fillMetadata(d, key.slice(prefix.length), stringifyValue(a[key] as AnyValue))
    }
  },
}
