'use client'
/**
 * A view's state lives in the query string, so a link shows the same view:
 * read with `get`, changed with `set` (a replace, not a new history entry,
 * unless `push`). Empty values are removed.
 */
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback } from 'react'

export function useUrlState() {
  const params = useSearchParams()
  const router = useRouter()
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
      if (options.push) router.push(url, { scroll: false })
      else router.replace(url, { scroll: false })
    },
    [params, pathname, router],
  )
  return { get, set, params }
}
