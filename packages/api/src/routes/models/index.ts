/**
 * LoggedModel routes: the records (`record-routes.ts`), what links to a
 * model (`linked-routes.ts`), and comparison (`compare-route.ts`). Records
 * live in Postgres; traces, prompt use and trace totals are read from
 * ClickHouse by the model id stamped on spans.
 */
import { parseFilter, quoteFilterValue } from '@assay/core'
import {
  createLoggedModel,
  finalizeLoggedModel,
  findOrCreateLoggedModel,
  latestCompletedRuns,
  listEvaluationRuns,
  modelPrompts,
  modelTraceStats,
  searchLoggedModels,
  searchTraces,
  setLoggedModelTags,
} from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { parseFilterParam } from '../filter/parse-param.js'
import { searching } from '../search/store-errors.js'
import { compareModelsRoute, MAX_COMPARED } from './compare-route.js'
import { modelPromptsRoute, modelRunsRoute, modelTracesRoute } from './linked-routes.js'
import { loadModel, loadModels } from './load-model.js'
import { modelWindow } from './model-window.js'
import {
  createModelRoute,
  finalizeModelRoute,
  getModelRoute,
  patchModelTagsRoute,
  searchModelsRoute,
} from './record-routes.js'
import { searchConditions } from './search-params.js'

function compareIds(text: string): string[] {
  const ids = text.split(',').map((id) => id.trim())
  const field = 'query.ids'
  if (ids.some((id) => id === '')) throw new ApiError(400, `${field}: an empty id`, field)
  if (new Set(ids).size !== ids.length) throw new ApiError(400, `${field}: an id given twice`, field)
  if (ids.length < 2 || ids.length > MAX_COMPARED) {
    throw new ApiError(400, `${field}: compare 2 to ${MAX_COMPARED} models, got ${ids.length}`, field)
  }
  return ids
}

export function modelRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  return (
    createRouter()
      .openapi(createModelRoute, async (c) => {
        const input = c.req.valid('json')
        const projectId = c.get('projectId')
        if (c.req.valid('query').reuse === 'true') {
          const { model, created } = await findOrCreateLoggedModel(db, projectId, input)
          return created ? c.json(model, 201) : c.json(model, 200)
        }
        return c.json(await createLoggedModel(db, projectId, input), 201)
      })
      .openapi(searchModelsRoute, async (c) => {
        const q = c.req.valid('query')
        const options = {
          name: q.name,
          status: q.status,
          ...searchConditions(q),
          limit: q.limit,
          cursor: q.cursor,
        }
        return c.json(await searching(searchLoggedModels(db, c.get('projectId'), options)), 200)
      })
      // Before `/models/{id}`, which would otherwise take `compare` for an id.
      .openapi(compareModelsRoute, async (c) => {
        const q = c.req.valid('query')
        const projectId = c.get('projectId')
        const models = await loadModels(deps, projectId, compareIds(q.ids), 'query.ids')
        const window = modelWindow(q.from, q.to)
        const ids = models.map((m) => m.id)
        const [stats, runs] = await Promise.all([
          modelTraceStats(deps.clickhouse, { projectId, modelIds: ids, ...window }),
          latestCompletedRuns(db, projectId, ids, { datasetId: q.dataset_id }),
        ])
        return c.json(
          {
            ...window,
            models: models.map((model, i) => {
              const { modelId: _, ...traces } = stats[i]!
              return { model, traces, latestRun: runs.get(model.id) ?? null }
            }),
          },
          200,
        )
      })
      .openapi(getModelRoute, async (c) =>
        c.json(await loadModel(deps, c.get('projectId'), c.req.valid('param').id), 200),
      )
      .openapi(patchModelTagsRoute, async (c) => {
        const { id } = c.req.valid('param')
        const model = await setLoggedModelTags(db, c.get('projectId'), id, c.req.valid('json').tags)
        if (!model) throw new ApiError(404, `path.id: no LoggedModel ${id}`, 'path.id')
        return c.json(model, 200)
      })
      .openapi(finalizeModelRoute, async (c) => {
        const { id } = c.req.valid('param')
        const model = await finalizeLoggedModel(db, c.get('projectId'), id, c.req.valid('json').status)
        if (!model) throw new ApiError(404, `path.id: no LoggedModel ${id}`, 'path.id')
        return c.json(model, 200)
      })
      .openapi(modelTracesRoute, async (c) => {
        const q = c.req.valid('query')
        const projectId = c.get('projectId')
        const model = await loadModel(deps, projectId, c.req.valid('param').id)
        const ofModel = parseFilter(`model.id = ${quoteFilterValue(model.id)}`)
        const narrower = parseFilterParam(q.filter, 'query.filter')
        const page = await searching(
          searchTraces(deps.clickhouse, {
            projectId,
            ...modelWindow(q.from, q.to),
            filter: narrower ? { type: 'and', items: [ofModel, narrower] } : ofModel,
            sort: q.sort,
            order: q.order,
            limit: q.limit,
            cursor: q.cursor,
          }),
        )
        return c.json(page, 200)
      })
      .openapi(modelRunsRoute, async (c) => {
        const q = c.req.valid('query')
        const projectId = c.get('projectId')
        const model = await loadModel(deps, projectId, c.req.valid('param').id)
        const page = await searching(
          listEvaluationRuns(db, projectId, {
            loggedModelId: model.id,
            datasetId: q.dataset_id,
            status: q.status,
            limit: q.limit,
            cursor: q.cursor,
          }),
        )
        return c.json(page, 200)
      })
      .openapi(modelPromptsRoute, async (c) => {
        const q = c.req.valid('query')
        const projectId = c.get('projectId')
        const model = await loadModel(deps, projectId, c.req.valid('param').id)
        const page = await searching(
          modelPrompts(deps.clickhouse, {
            projectId,
            modelId: model.id,
            ...modelWindow(q.from, q.to),
            limit: q.limit,
            cursor: q.cursor,
          }),
        )
        return c.json(page, 200)
      })
  )
}
