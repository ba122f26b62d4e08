/**
 * `prompts.get(ref)`: resolves `name`, `name/3` or `name@production`
 * through the API and caches the answer per reference. A fresh entry is
 * served as is; a stale one is served at once and revalidated in the
 * background (`If-None-Match`, so an unchanged version costs a 304); when
 * Assay is unreachable the last good version keeps being served, with one
 * warning. Only a reference never fetched successfully can fail.
 */
import { ApiCallError, callApi } from '../api-client.js'
import { clearWarning, errorMessage, warnOnce } from '../warn.js'
import { type Prompt, type PromptVersionData, toPrompt } from './prompt.js'

export interface GetPromptOptions {
  /** How long an answer is served without asking again. Default 60 s. */
  ttlMs?: number
}

interface Entry {
  prompt: Prompt
  etag: string | null
  fetchedAt: number
  refreshing?: Promise<void>
}

const DEFAULT_TTL_MS = 60_000
const cache = new Map<string, Entry>()

export async function getPrompt(ref: string, options: GetPromptOptions = {}): Promise<Prompt> {
  const entry = cache.get(ref)
  if (!entry) return (await fetchEntry(ref, undefined)).prompt
  if (Date.now() - entry.fetchedAt > (options.ttlMs ?? DEFAULT_TTL_MS)) {
    entry.refreshing ??= fetchEntry(ref, entry)
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => {
        entry.refreshing = undefined
      })
  }
  return entry.prompt
}

async function fetchEntry(ref: string, previous: Entry | undefined): Promise<Entry> {
  const headers: Record<string, string> = previous?.etag ? { 'If-None-Match': previous.etag } : {}
  try {
    const res = await callApi<PromptVersionData>('GET', `/prompts/resolve?ref=${encodeURIComponent(ref)}`, {
      headers,
      okStatuses: [304],
    })
    clearWarning(`prompt:${ref}`)
    const entry: Entry =
      res.status === 304 && previous
        ? { ...previous, fetchedAt: Date.now(), refreshing: undefined }
        : { prompt: toPrompt(res.body!), etag: res.headers.get('etag'), fetchedAt: Date.now() }
    cache.set(ref, entry)
    return entry
  } catch (err) {
    if (previous) {
      warnOnce(`prompt:${ref}`, `serving the cached '${ref}': ${errorMessage(err)}`)
      previous.fetchedAt = Date.now() // try again after another TTL, not on every call
      return previous
    }
    if (err instanceof ApiCallError) throw err
    throw new ApiCallError(`could not resolve prompt '${ref}': ${errorMessage(err)}`, undefined)
  }
}

/** Forgets cached prompts (tests, or an app that must see an alias move at once). */
export function clearPromptCache(): void {
  cache.clear()
}
