/** Filter-language routes: the field registry, completions, recent values, and validation. */
import { FilterError, parseFilter, suggestFilter } from '@assay/core'
import { recentFieldValues } from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { timeWindow } from '../../time-window.js'
import { filterFields, filterFieldsRoute } from './fields.js'
import { suggestFilterRoute } from './suggest.js'
import { validateFilterRoute } from './validate.js'
import { filterValuesRoute } from './values.js'

export { parseFilterParam } from './parse-param.js'

export function filterRoutes(deps: ApiDeps) {
  return createRouter()
    .openapi(filterFieldsRoute, (c) => c.json({ fields: filterFields }, 200))
    .openapi(suggestFilterRoute, (c) => {
      const { q = '', cursor } = c.req.valid('query')
      return c.json(suggestFilter(q, cursor ?? q.length), 200)
    })
    .openapi(filterValuesRoute, async (c) => {
      const q = c.req.valid('query')
      const window = timeWindow(q.from, q.to)
      try {
        const values = await recentFieldValues(deps.clickhouse, {
          projectId: c.get('projectId'),
          field: q.field,
          prefix: q.prefix,
          limit: q.limit,
          ...window,
        })
        return c.json({ values }, 200)
      } catch (error) {
        if (error instanceof FilterError)
          throw new ApiError(400, `query.field: ${error.reason}`, 'query.field')
        throw error
      }
    })
    .openapi(validateFilterRoute, (c) => {
      const { filter } = c.req.valid('json')
      if (filter.trim() === '') return c.json({ ok: true as const }, 200)
      try {
        parseFilter(filter)
        return c.json({ ok: true as const }, 200)
      } catch (error) {
        if (!(error instanceof FilterError)) throw error
        const { line, column, offset } = error.position
        return c.json(
          {
            error: {
              message: `body.filter: ${error.message}`,
              field: 'body.filter',
              position: { line, column, offset },
              expected: error.expected,
            },
          },
          400,
        )
      }
    })
}
