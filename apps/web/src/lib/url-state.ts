'use client'
/**
 * A view's state lives in the query string, so a link shows the same view:
 * read with `get` (or `now` in event handlers), changed with `set` (a
 * replace, not a new history entry, unless `push`). Empty values are removed.
 *
 * Changes go through the browser's history API, which Next.js keeps in
 * step with `useSearchParams`: the page stays the same, so there is no
 * route payload to fetch, and a fetch that fails under load cannot turn a
 * click into a full page reload.
 */
import { usePathname, useSearchParams } from 'next/navigation'
import { useCallback } from 'react'

export function useUrlState() {
  const params = useSearchParams()
  const pathname = usePathname()
  const get = useCallback((name: string) => params.get(name) ?? undefined, [params])
  const set = useCallback(
    (changes: Record<string, string | undefined>, options: { push?: boolean } = {}) => {
      const next = new URLSearchParams(params.toString())
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined || v === '') next.delete(k)
        else next.set(k, v)
      }
      const query = next.toString()
      const url = query ? `${pathname}?${query}` : pathname
      if (options.push) window.history.pushState(null, '', url)
      else window.history.replaceState(null, '', url)
    },
    [params, pathname],
  )
  return { get, set, now, params }
}

/**
 * A value as the address holds it at this moment. `get` follows
 * `useSearchParams`, which Next.js updates in a transition after `set`; a
 * key handler that acts on the current selection reads `now`, so a key
 * pressed right after a click acts on what was clicked.
 */
function now(name: string): string | undefined {
  return new URLSearchParams(window.location.search).get(name) ?? undefined
}
