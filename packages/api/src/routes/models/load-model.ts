/** A LoggedModel of the request's project, or the 404 naming the field that pointed at it. */
import type { LoggedModel } from '@assay/core'
import { getLoggedModel, getLoggedModels } from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'

export async function loadModel(
  deps: ApiDeps,
  projectId: string,
  id: string,
  field = 'path.id',
): Promise<LoggedModel> {
  const model = await getLoggedModel(deps.postgres.db, projectId, id)
  if (!model) throw new ApiError(404, `${field}: no LoggedModel ${id}`, field)
  return model
}

/** Every model of `ids`, in order; the first unknown id is a 404 naming `field`. */
export async function loadModels(
  deps: ApiDeps,
  projectId: string,
  ids: string[],
  field: string,
): Promise<LoggedModel[]> {
  const models = await getLoggedModels(deps.postgres.db, projectId, ids)
  const missing = ids.find((id) => !models.some((m) => m.id === id))
  if (missing !== undefined) throw new ApiError(404, `${field}: no LoggedModel ${missing}`, field)
  return models
}
