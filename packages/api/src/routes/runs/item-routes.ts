/** Route definitions of a run's items and of comparing two runs item by item. */
import { createRoute, z } from '@hono/zod-openapi'
import { error, ok } from '../evaluators/schemas.js'
import { CompareQuery, RunComparison, RunItemsPage, RunItemsQuery } from './item-schemas.js'
import { RunIdParam } from './schemas.js'

const params = z.object({ id: RunIdParam })

export const runItemsRoute = createRoute({
  method: 'get',
  path: '/runs/{id}/items',
  tags: ['runs'],
  summary: "A run's items: input, output, expectations and each scorer's verdict and rationale",
  description:
    "One item per trace the run scored, in the order scored: the root span's input and output, the dataset item's expectations (when the run used a dataset), and the run's standing assessments on it. An item failed when any verdict failed or a scorer errored. `outcome=failed` keeps only those; `total` and `failed` count the whole run.",
  request: { params, query: RunItemsQuery },
  responses: {
    200: ok(RunItemsPage, 'One page of items'),
    400: error('Bad query or cursor'),
    404: error('No such run'),
  },
})

export const compareRunsRoute = createRoute({
  method: 'get',
  path: '/runs/{id}/compare',
  tags: ['runs'],
  summary: 'This run against a baseline run, item by item: what improved, what regressed',
  description:
    'Items are matched by dataset item id, else by trace id (runs that scored the same traces), else by input. An item regressed when any scorer that passed it in the baseline fails it now, improved when one went the other way and none got worse; per scorer the pass rates, means and counts of items that changed. At most 5,000 items.',
  request: { params, query: CompareQuery },
  responses: { 200: ok(RunComparison, 'The comparison'), 404: error('No such run') },
})
