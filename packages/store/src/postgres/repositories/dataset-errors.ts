/**
 * What the dataset repository refuses, as typed errors, so the API can map
 * each to a 4xx naming the request field at fault (the repository does not
 * know the wire names).
 */

export class DatasetNotFoundError extends Error {
  override name = 'DatasetNotFoundError'
  constructor(readonly datasetId: string) {
    super(`dataset ${datasetId} not found`)
  }
}

/** An update named items that have no live state in the dataset; nothing was changed. */
export class DatasetItemsNotFoundError extends Error {
  override name = 'DatasetItemsNotFoundError'
  constructor(readonly itemIds: string[]) {
    super(`${itemIds.length === 1 ? 'item' : 'items'} not found: ${itemIds.slice(0, 10).join(', ')}`)
  }
}

/** A read asked for a version the dataset has not reached. */
export class DatasetVersionError extends Error {
  override name = 'DatasetVersionError'
  constructor(
    readonly requested: number,
    readonly latest: number,
  ) {
    super(`version ${requested} does not exist: the dataset is at version ${latest}`)
  }
}
