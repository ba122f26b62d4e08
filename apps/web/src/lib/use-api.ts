'use client'
/**
 * Loads something from the API for a view: keeps the last good data while a
 * new request runs (so a refresh never blanks the page), drops answers that
 * arrive for an older key, and can poll.
 */
import { useCallback, useEffect, useRef, useState } from 'react'

export interface Loaded<T> {
  data: T | undefined
  error: Error | undefined
  loading: boolean
  reload: () => void
}

export function useApi<T>(
  key: string | null,
  load: () => Promise<T>,
  options: { refreshMs?: number } = {},
): Loaded<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<Error>()
  const [loading, setLoading] = useState(key !== null)
  const [tick, setTick] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const reload = useCallback(() => setTick((t) => t + 1), [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick re-runs the same key on purpose
  useEffect(() => {
    if (key === null) return
    let live = true
    setLoading(true)
    loadRef.current().then(
      (value) => {
        if (!live) return
        setData(value)
        setError(undefined)
        setLoading(false)
      },
      (err: unknown) => {
        if (!live) return
        setError(err instanceof Error ? err : new Error(String(err)))
        setLoading(false)
      },
    )
    return () => {
      live = false
    }
  }, [key, tick])

  useEffect(() => {
    if (!options.refreshMs || key === null) return
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setTick((t) => t + 1)
    }, options.refreshMs)
    return () => clearInterval(timer)
  }, [key, options.refreshMs])

  return { data, error, loading, reload }
}
