/**
 * Loads a dataset file by its extension: `.jsonl` / `.ndjson` or `.csv`.
 * An empty dataset is an error: a run over nothing would pass every
 * threshold and tell CI nothing.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { DatasetError } from './dataset-error.js'
import type { LoadedDataset } from './dataset-row.js'
import { parseCsv } from './parse-csv.js'
import { parseJsonl } from './parse-jsonl.js'

export async function loadDatasetFile(file: string): Promise<LoadedDataset> {
  const extension = path.extname(file).toLowerCase()
  const parse =
    extension === '.csv'
      ? parseCsv
      : extension === '.jsonl' || extension === '.ndjson'
        ? parseJsonl
        : undefined
  if (!parse) {
    throw new DatasetError(`${file}: unknown dataset format '${extension}'; use .jsonl, .ndjson or .csv`)
  }
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new DatasetError(
      code === 'ENOENT' ? `${file}: no such dataset file` : `${file}: ${(error as Error).message}`,
    )
  }
  const rows = parse(text, file)
  if (rows.length === 0) throw new DatasetError(`${file}: the dataset is empty`)
  return { rows, source: `file:${file}` }
}
