/**
 * A dataset of the registry at a version, read through the API: found by
 * name (or id), then its items as of that version (default: the current
 * one, pinned before reading so a concurrent edit cannot mix versions).
 */
import type { Dataset, DatasetItem } from '@assay/core'
import { calling, expectOk } from '../runner/api/api-error.js'
import type { AssayApi } from '../runner/api/connection.js'
import { DatasetError } from './dataset-error.js'
import type { LoadedDataset } from './dataset-row.js'

export interface RegistryDatasetRef {
  /** The dataset's name (or its id). */
  registry: string
  version?: number
}

export async function loadRegistryDataset(api: AssayApi, ref: RegistryDatasetRef): Promise<LoadedDataset> {
  const dataset = await findDataset(api, ref.registry)
  if (!dataset) throw new DatasetError(`registry dataset '${ref.registry}' not found`)
  const version = ref.version ?? dataset.version
  if (version > dataset.version || version < 0) {
    throw new DatasetError(
      `registry dataset '${dataset.name}' has no version ${version} (latest ${dataset.version})`,
    )
  }
  const items = await readItems(api, dataset.id, version)
  if (items.length === 0)
    throw new DatasetError(`registry dataset '${dataset.name}' is empty at version ${version}`)
  return {
    rows: items.map((item) => ({
      id: item.id,
      inputs: item.inputs,
      expectations: Object.keys(item.expectations).length > 0 ? item.expectations : undefined,
      metadata: item.metadata,
    })),
    source: `registry:${dataset.name}@${version}`,
    datasetId: dataset.id,
    datasetVersion: version,
  }
}

async function findDataset(api: AssayApi, nameOrId: string): Promise<Dataset | undefined> {
  const byId = await calling('GET /api/datasets/{id}', async () => {
    const res = await api.client.datasets[':datasetId'].$get({ param: { datasetId: nameOrId } })
    // A name that is no id is a 404 (or a 400 when it cannot even be one): look it up by name.
    if ((res.status as number) === 404 || (res.status as number) === 400) return undefined
    return (await (await expectOk(res, `GET /api/datasets/${nameOrId}`)).json()) as Dataset
  })
  if (byId) return byId
  let cursor: string | undefined
  do {
    const page = await calling('GET /api/datasets', async () => {
      const res = await api.client.datasets.$get({ query: { limit: '100', cursor } })
      return (await (await expectOk(res, 'GET /api/datasets')).json()) as {
        items: Dataset[]
        nextCursor?: string
      }
    })
    const found = page.items.find((d) => d.name === nameOrId)
    if (found) return found
    cursor = page.nextCursor
  } while (cursor)
  return undefined
}

async function readItems(api: AssayApi, datasetId: string, version: number): Promise<DatasetItem[]> {
  const items: DatasetItem[] = []
  let cursor: string | undefined
  do {
    const what = `GET /api/datasets/${datasetId}/items`
    const page = await calling(what, async () => {
      const res = await api.client.datasets[':datasetId'].items.$get({
        param: { datasetId },
        query: { version: String(version), limit: '1000', cursor },
      })
      return (await (await expectOk(res, what)).json()) as { items: DatasetItem[]; nextCursor?: string }
    })
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return items
}
