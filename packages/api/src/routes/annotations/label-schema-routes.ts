/** `/label-schemas`: create, list (by name), read, change help text or config, delete (unless a queue shows it). */
import {
  createLabelSchema,
  deleteLabelSchema,
  getLabelSchema,
  listLabelSchemas,
  updateLabelSchema,
} from '@assay/store'
import { createRoute } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { createRouter } from '../../router.js'
import { searching } from '../search/store-errors.js'
import {
  error,
  IdParams,
  jsonBody,
  LabelSchemaPage,
  LabelSchemaPatch,
  LabelSchemaSchema,
  NewLabelSchema,
  ok,
  PageQuery,
} from './schemas.js'
import { annotating, notFound } from './store-errors.js'

const tags = ['annotation']

const createSchemaRoute = createRoute({
  method: 'post',
  path: '/label-schemas',
  tags,
  summary: 'Define a label: its assessment name and kind (boolean, numeric, categorical, text)',
  description:
    'Categorical labels need `config.categories`; numeric ones may have `config.min` / `config.max`.',
  request: { body: jsonBody(NewLabelSchema) },
  responses: {
    201: ok(LabelSchemaSchema, 'The label schema'),
    400: error('Bad input, or a config that does not fit the kind'),
    409: error('The name is taken'),
  },
})

const listSchemasRoute = createRoute({
  method: 'get',
  path: '/label-schemas',
  tags,
  summary: 'Label schemas by name',
  request: { query: PageQuery },
  responses: { 200: ok(LabelSchemaPage, 'One page of label schemas'), 400: error('Bad query') },
})

const getSchemaRoute = createRoute({
  method: 'get',
  path: '/label-schemas/{id}',
  tags,
  summary: 'One label schema',
  request: { params: IdParams },
  responses: { 200: ok(LabelSchemaSchema, 'The label schema'), 404: error('No such label schema') },
})

const updateSchemaRoute = createRoute({
  method: 'patch',
  path: '/label-schemas/{id}',
  tags,
  summary: "Change a label schema's instructions or config",
  description: 'Name, type and kind stay: labels were written under them.',
  request: { params: IdParams, body: jsonBody(LabelSchemaPatch) },
  responses: {
    200: ok(LabelSchemaSchema, 'The label schema'),
    400: error('Bad input, or a config that does not fit the kind'),
    404: error('No such label schema'),
  },
})

const deleteSchemaRoute = createRoute({
  method: 'delete',
  path: '/label-schemas/{id}',
  tags,
  summary: 'Delete a label schema (labels written under it stay)',
  request: { params: IdParams },
  responses: {
    204: { description: 'Deleted' },
    404: error('No such label schema'),
    409: error('A queue shows it'),
  },
})

export function labelSchemaRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  const missing = (id: string) => notFound('path.id', `label schema ${id}`)
  return createRouter()
    .openapi(createSchemaRoute, async (c) => {
      const schema = await annotating(createLabelSchema(db, c.get('projectId'), c.req.valid('json')))
      return c.json(schema, 201)
    })
    .openapi(listSchemasRoute, async (c) => {
      const page = await searching(listLabelSchemas(db, c.get('projectId'), c.req.valid('query')))
      return c.json(page, 200)
    })
    .openapi(getSchemaRoute, async (c) => {
      const { id } = c.req.valid('param')
      const schema = await getLabelSchema(db, c.get('projectId'), id)
      if (!schema) throw missing(id)
      return c.json(schema, 200)
    })
    .openapi(updateSchemaRoute, async (c) => {
      const { id } = c.req.valid('param')
      const schema = await annotating(updateLabelSchema(db, c.get('projectId'), id, c.req.valid('json')))
      if (!schema) throw missing(id)
      return c.json(schema, 200)
    })
    .openapi(deleteSchemaRoute, async (c) => {
      const { id } = c.req.valid('param')
      if (!(await annotating(deleteLabelSchema(db, c.get('projectId'), id)))) throw missing(id)
      return c.body(null, 204)
    })
}
