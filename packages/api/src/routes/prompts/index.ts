/**
 * The prompt registry's routes: names, immutable versions, aliases with
 * history, resolving a reference (with ETags), rendering, diffs, and the
 * traces that used a version. `resolve` and `render` are mounted first:
 * as literal paths they must win over `/prompts/{name}` (and no prompt
 * may take those names).
 */
import type { ApiDeps } from '../../deps.js'
import { createRouter } from '../../router.js'
import { promptAliasRoutes } from './aliases.js'
import { promptDiffRoutes } from './diff.js'
import { promptNameRoutes } from './prompts.js'
import { promptRenderRoutes } from './render.js'
import { promptResolveRoutes } from './resolve.js'
import { promptTraceRoutes } from './traces.js'
import { promptVersionRoutes } from './versions.js'

export function promptRoutes(deps: ApiDeps) {
  return createRouter()
    .route('/', promptResolveRoutes(deps))
    .route('/', promptRenderRoutes(deps))
    .route('/', promptNameRoutes(deps))
    .route('/', promptVersionRoutes(deps))
    .route('/', promptAliasRoutes(deps))
    .route('/', promptDiffRoutes(deps))
    .route('/', promptTraceRoutes(deps))
}
