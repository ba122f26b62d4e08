/** Evaluation-run records (`/api/runs`): created when a run starts, patched with its outcome. */
import type { CreateEvaluationRunInput, EvaluationRun, UpdateEvaluationRunInput } from '@assay/core'
import { calling, expectOk } from './api-error.js'
import type { AssayApi } from './connection.js'

export function createRun(api: AssayApi, input: CreateEvaluationRunInput): Promise<EvaluationRun> {
  return calling('POST /api/runs', async () => {
    const res = await expectOk(await api.client.runs.$post({ json: input }), 'POST /api/runs')
    return (await res.json()) as EvaluationRun
  })
}

export function updateRun(
  api: AssayApi,
  id: string,
  patch: UpdateEvaluationRunInput,
): Promise<EvaluationRun> {
  const what = `PATCH /api/runs/${id}`
  return calling(what, async () => {
    const res = await expectOk(await api.client.runs[':id'].$patch({ param: { id }, json: patch }), what)
    return (await res.json()) as EvaluationRun
  })
}

/** One run, or undefined when there is none with that id. */
export function getRun(api: AssayApi, id: string): Promise<EvaluationRun | undefined> {
  const what = `GET /api/runs/${id}`
  return calling(what, async () => {
    const res = await api.client.runs[':id'].$get({ param: { id } })
    if (res.status === 404) return undefined
    return (await (await expectOk(res, what)).json()) as EvaluationRun
  })
}
