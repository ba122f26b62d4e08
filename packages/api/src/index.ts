// @assay/api: the Hono API (mounted by apps/server under /api).
export { type ApiType, createApi } from './app.js'
export * from './auth/index.js'
export type { ApiDeps } from './deps.js'
export { ApiError } from './errors.js'
