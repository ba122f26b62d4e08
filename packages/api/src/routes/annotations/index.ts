/**
 * Annotation (human labelling): label schemas, queues of traces or spans,
 * and the labelling loop (claim, read, submit, skip). Queues live in
 * Postgres; submitted labels are HUMAN assessments in ClickHouse, written
 * through the same store functions as `POST /traces/{traceId}/assessments`.
 */
import type { ApiDeps } from '../../deps.js'
import { createRouter } from '../../router.js'
import { itemRoutes } from './item-routes.js'
import { labelSchemaRoutes } from './label-schema-routes.js'
import { labellingRoutes } from './labelling-routes.js'
import { queueRoutes } from './queue-routes.js'

export function annotationRoutes(deps: ApiDeps) {
  return createRouter()
    .route('/', labelSchemaRoutes(deps))
    .route('/', queueRoutes(deps))
    .route('/', itemRoutes(deps))
    .route('/', labellingRoutes(deps))
}
