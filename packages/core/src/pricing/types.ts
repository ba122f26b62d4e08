import { z } from 'zod'

/**
 * Model prices as data. An entry prices every model whose name matches its
 * glob `pattern` from `effectiveFrom` on, so a price change is a new entry,
 * never an edit: spans keep the price that was in force when they started.
 * Prices are USD per 1M tokens.
 */

export const PriceEntry = z.object({
  /** Glob over the normalized model name (lowercase, provider prefix removed); `*` matches any run of characters. */
  pattern: z.string().min(1),
  /** Informative: `openai`, `anthropic`, `google`, ... */
  provider: z.string().optional(),
  /** ISO date (or date-time, UTC) from which the entry applies. */
  effectiveFrom: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'effectiveFrom must be an ISO date'),
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  /** Price of input tokens served from the provider's prompt cache; defaults to `input`. */
  cachedInput: z.number().nonnegative().optional(),
  /**
   * Tier: entries of a higher priority are consulted before any entry of a lower one.
   * A per-project override table is merged in at a higher tier (see `mergePriceTables`).
   */
  priority: z.number().int().optional(),
})
export type PriceEntry = z.infer<typeof PriceEntry>

export const PriceTable = z.object({
  /** Identifies the data (e.g. a date), so a computed cost can say which table produced it. */
  version: z.string(),
  entries: z.array(PriceEntry),
})
export type PriceTable = z.infer<typeof PriceTable>

/** Token counts that a cost is computed from; `input` includes `cached`, as OpenTelemetry GenAI counts them. */
export interface TokenUsage {
  input: number
  output: number
  cached: number
}
