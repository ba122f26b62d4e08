/**
 * Size limits of the dataset routes, enforced while the body is read (a
 * chunked upload cannot slip past a Content-Length check), each answered
 * with a 413 that says which limit was hit.
 */
import { MAX_DATASET_ITEMS_PER_CALL } from '@assay/core'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError, errorResponse } from '../../errors.js'

/** Bulk item bodies and imports: 10,000 items of a few KiB each. */
export const MAX_BULK_BODY_BYTES = 64 * 1024 * 1024
/** Everything else (a new dataset, a list of trace ids). */
export const MAX_SMALL_BODY_BYTES = 1024 * 1024
/** Traces turned into items by one call. */
export const MAX_TRACES_PER_CALL = 1000

export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      errorResponse(c, new ApiError(413, `body: larger than the limit of ${maxBytes} bytes`, 'body')),
  })
}

/** A 413 naming the field when one call carries too many entries. */
export function limitCount(count: number, field: string, max = MAX_DATASET_ITEMS_PER_CALL): void {
  if (count > max) throw new ApiError(413, `${field}: ${count} entries, at most ${max} per call`, field)
}
