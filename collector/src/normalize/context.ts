import type { PriceTable } from '@assay/core'

/** What normalization needs besides the request. */
export interface NormalizeContext {
  projectId: string
  /**
   * Prices for computing costs; defaults to DEFAULT_PRICE_TABLE. To apply a
   * project's own prices, pass `mergePriceTables(DEFAULT_PRICE_TABLE, projectTable)`.
   */
  prices?: PriceTable
  /** Clock in ms since the epoch, for log records that carry no time; defaults to Date.now. */
  now?: () => number
}
