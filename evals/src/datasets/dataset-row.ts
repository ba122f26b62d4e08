/**
 * One row of an evaluation dataset, whatever it came from (a JSONL or CSV
 * file, an array in a suite, the registry): what the task is called with
 * and what scorers compare against.
 */
export interface DatasetRow {
  /** The registry item's id, or the file's line number as text: names the row in reports. */
  id?: string
  /** Handed to the task. */
  inputs: unknown
  /** Ground truth for scorers (`{ expected_response }`, facts, ...). */
  expectations?: unknown
  metadata?: Record<string, string>
}

/** A loaded dataset: its rows and, for a registry dataset, the version they are from. */
export interface LoadedDataset {
  rows: DatasetRow[]
  /** Where it came from, for messages and the run's config (`file:…`, `registry:name@3`, `inline`). */
  source: string
  datasetId?: string
  datasetVersion?: number
}
