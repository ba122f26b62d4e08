/** The suite's dataset as rows: a file relative to the suite, inline rows, or the registry through the API. */
import path from 'node:path'
import { DatasetError } from '../datasets/dataset-error.js'
import type { LoadedDataset } from '../datasets/dataset-row.js'
import { loadDatasetFile } from '../datasets/load-file.js'
import { loadRegistryDataset } from '../datasets/load-registry.js'
import type { AssayApi } from '../runner/api/connection.js'
import type { LoadedSuite } from './load-suite.js'

export async function resolveSuiteDataset(
  loaded: LoadedSuite,
  api: AssayApi | undefined,
): Promise<LoadedDataset> {
  const { dataset } = loaded.suite
  if (typeof dataset === 'string') return loadDatasetFile(path.resolve(path.dirname(loaded.file), dataset))
  if (Array.isArray(dataset)) {
    if (dataset.length === 0) throw new DatasetError('the suite dataset is empty')
    return { rows: dataset, source: 'inline' }
  }
  if (!api) throw new DatasetError(`registry dataset '${dataset.registry}' needs an Assay to read it from`)
  return loadRegistryDataset(api, dataset)
}
