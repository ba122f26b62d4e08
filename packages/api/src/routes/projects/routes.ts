/** `GET /api/projects` and `POST /api/projects`, as OpenAPI routes. */
import { CreateProjectInput, Project } from '@assay/core'
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'
import { CursorParam, LimitParam } from '../search/schemas.js'

const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
})

export const ProjectSchema = z.object(Project.shape).openapi('Project')

export const listProjectsRoute = createRoute({
  method: 'get',
  path: '/projects',
  tags: ['projects'],
  summary: 'List projects (an API key sees only its own)',
  request: { query: z.object({ limit: LimitParam.optional(), cursor: CursorParam.optional() }) },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ items: z.array(ProjectSchema), nextCursor: z.string().optional() }),
        },
      },
      description: 'One page of projects, by id',
    },
    400: error('Bad query'),
  },
})

export const createProjectRoute = createRoute({
  method: 'post',
  path: '/projects',
  tags: ['projects'],
  summary: 'Create a project (admin only)',
  request: {
    body: { content: { 'application/json': { schema: CreateProjectInput } }, required: true },
  },
  responses: {
    201: { content: { 'application/json': { schema: ProjectSchema } }, description: 'The new project' },
    400: error('Bad input'),
    403: error('API keys cannot create projects'),
    409: error('The id or name is taken'),
  },
})
