// Datasets for the runner: JSONL / CSV files and registry datasets at a version.
export { DatasetError } from './dataset-error.js'
export type { DatasetRow, LoadedDataset } from './dataset-row.js'
export { loadDatasetFile } from './load-file.js'
export { loadRegistryDataset, type RegistryDatasetRef } from './load-registry.js'
export { parseCsv } from './parse-csv.js'
export { parseJsonl } from './parse-jsonl.js'
