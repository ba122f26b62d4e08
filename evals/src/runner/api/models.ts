/** LoggedModels (`/api/models`): a run's model, and the model whose latest run is a baseline. */
import type { EvaluationRun, LoggedModel } from '@assay/core'
import { calling, expectOk } from './api-error.js'
import type { AssayApi } from './connection.js'

/** The newest LoggedModel with this name, or undefined. */
export function findModelByName(api: AssayApi, name: string): Promise<LoggedModel | undefined> {
  return calling('GET /api/models', async () => {
    const res = await api.client.models.$get({ query: { name, limit: '1' } })
    const page = (await (await expectOk(res, 'GET /api/models')).json()) as { items: LoggedModel[] }
    return page.items[0]
  })
}

/** The model's newest completed run, or undefined. */
export function latestCompletedRun(api: AssayApi, modelId: string): Promise<EvaluationRun | undefined> {
  const what = `GET /api/models/${modelId}/runs`
  return calling(what, async () => {
    const res = await api.client.models[':id'].runs.$get({
      param: { id: modelId },
      query: { status: 'completed', limit: '1' },
    })
    const page = (await (await expectOk(res, what)).json()) as { items: EvaluationRun[] }
    return page.items[0]
  })
}
