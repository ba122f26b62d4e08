import type { PriceTable } from './types.js'

/**
 * Layers a per-project table over a base table. Every override entry is
 * raised above the base's highest tier, so a project's price for a model
 * applies whenever one of its entries matches, however specific the base's
 * own entries are. Neither input is modified.
 *
 * @example mergePriceTables(DEFAULT_PRICE_TABLE, { version: 'acme-1', entries: [{ pattern: 'gpt-4o*', effectiveFrom: '2024-01-01', input: 2, output: 8 }] })
 */
export function mergePriceTables(base: PriceTable, override: PriceTable): PriceTable {
  let top = 0
  for (const e of base.entries) top = Math.max(top, e.priority ?? 0)
  return {
    version: `${base.version}+${override.version}`,
    entries: [
      ...override.entries.map((e) => ({ ...e, priority: top + 1 + (e.priority ?? 0) })),
      ...base.entries,
    ],
  }
}
