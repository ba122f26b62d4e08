import type { SpanDraft } from '../draft.js'

/**
 * A dialect reads the attribute keys of one convention and fills the row
 * fields it knows. `mask` names the key families it reads (see `detect.ts`);
 * a dialect whose families are absent from a span is not called at all,
 * which keeps a plain HTTP span from paying for eight conventions.
 */
export interface Dialect {
  name: string
  mask: number
  apply(d: SpanDraft): void
}
