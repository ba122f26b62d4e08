// @assay/core: domain types (zod schemas with inferred types) shared by every package.

export * from './api-key.js'
export * from './assessment.js'
export * from './dataset.js'
export * from './evaluation-run.js'
export * from './evaluator.js'
export * from './logged-model.js'
export * from './project.js'
export * from './prompt.js'
export * from './span.js'
export * from './span-event.js'
export * from './trace-summary.js'
