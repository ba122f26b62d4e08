// The filter language: one parser for API, CLI and dashboard (DESIGN §The API). Compiled to SQL by @assay/store.
export type {
  AndExpr,
  CompareOp,
  Comparison,
  FieldRef,
  FilterExpr,
  FilterValue,
  NotExpr,
  OrExpr,
  Scalar,
} from './ast.js'
export { editDistance } from './did-you-mean.js'
export { type Expectation, FilterError } from './errors.js'
export {
  FILTER_FIELDS,
  type FilterField,
  type FilterFieldLevel,
  type FilterFieldType,
  fieldLabel,
  filterField,
} from './fields.js'
export { MAX_FILTER_BYTES, MAX_FILTER_CONDITIONS, MAX_FILTER_DEPTH } from './limits.js'
export { OPERATORS_BY_TYPE, operatorLabel } from './operators.js'
export { parseFilter } from './parser.js'
export { type FilterPosition, formatPosition } from './position.js'
export { type PromptRef, parsePromptRef } from './prompt-ref.js'
export { type ResolvedField, resolveField } from './resolve-field.js'
export { type FilterSuggestion, type FilterSuggestions, quoteFilterValue, suggestFilter } from './suggest.js'
