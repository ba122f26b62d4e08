// Model price table: versioned, dated entries matched by model-name pattern.
export { computeCostUsd } from './cost.js'
export { DEFAULT_PRICE_TABLE } from './default-prices.js'
export { findPrice, normalizeModelName } from './lookup.js'
export { mergePriceTables } from './merge.js'
export { PriceEntry, PriceTable, type TokenUsage } from './types.js'
