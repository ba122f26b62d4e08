// GET /v1/models and /v1/models/:id: the configured list, for clients that check a
// model exists before using it. Any model name is still accepted by the other routes.
import type { ServerResponse } from 'node:http'
import { sendError, sendJson } from '../http.js'

export function listModels(res: ServerResponse, models: string[]): void {
  sendJson(res, 200, { object: 'list', data: models.map(model) })
}

export function getModel(res: ServerResponse, models: string[], id: string): void {
  if (models.includes(id)) sendJson(res, 200, model(id))
  else sendError(res, { status: 404, message: `The model '${id}' does not exist`, code: 'model_not_found' })
}

function model(id: string) {
  return { id, object: 'model', created: 1_700_000_000, owned_by: 'assay-test' }
}
