/**
 * Dataset routes: datasets (create, list, get), their items in bulk (add,
 * update, delete, read as of a version), imports from JSON Lines and CSV,
 * and items made from traces. One file per route; every item write is one
 * new dataset version.
 */
import type { ApiDeps } from '../../deps.js'
import { createRouter } from '../../router.js'
import { addItemsHandler, addItemsRoute } from './add-items.js'
import { createDatasetHandler, createDatasetRoute } from './create-dataset.js'
import { deleteItemsHandler, deleteItemsRoute } from './delete-items.js'
import { fromTracesHandler, fromTracesRoute } from './from-traces.js'
import { getDatasetHandler, getDatasetRoute } from './get-dataset.js'
import { importItemsHandler, importItemsRoute } from './import-items.js'
import { listDatasetsHandler, listDatasetsRoute } from './list-datasets.js'
import { listItemsHandler, listItemsRoute } from './list-items.js'
import { updateItemsHandler, updateItemsRoute } from './update-items.js'

export function datasetRoutes(deps: ApiDeps) {
  return createRouter()
    .openapi(createDatasetRoute, createDatasetHandler(deps))
    .openapi(listDatasetsRoute, listDatasetsHandler(deps))
    .openapi(getDatasetRoute, getDatasetHandler(deps))
    .openapi(addItemsRoute, addItemsHandler(deps))
    .openapi(updateItemsRoute, updateItemsHandler(deps))
    .openapi(deleteItemsRoute, deleteItemsHandler(deps))
    .openapi(listItemsRoute, listItemsHandler(deps))
    .openapi(importItemsRoute, importItemsHandler(deps))
    .openapi(fromTracesRoute, fromTracesHandler(deps))
}
