// Authentication: API keys (format, verification, cache), the admin secret, dashboard sessions, the middleware.
export { ensureAdminSecret } from './admin-secret.js'
export { type Auth, type AuthOptions, createAuth } from './auth.js'
export { generateApiKey, type KeyCredentials, parseAuthorization } from './key-format.js'
export { authMiddleware } from './middleware.js'
export { hasScope, type Principal } from './principal.js'
