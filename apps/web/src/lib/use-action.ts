'use client'
/**
 * A mutating request from a view (move an alias, submit labels, register a
 * version): whether it runs, and its failure as a message to show beside
 * the form. The form's own state is never touched here, so a failed
 * request loses nothing the user typed.
 */
import { useCallback, useState } from 'react'
import { ApiFailure } from './api'

export interface Action<A extends unknown[], T> {
  run: (...args: A) => Promise<T | undefined>
  busy: boolean
  error: string | undefined
  clear: () => void
}

/** The message a person can act on: the API's own (it names the field), or the network's. */
export function failureText(err: unknown): string {
  if (err instanceof ApiFailure)
    return err.status >= 500 ? `The server failed (${err.status}): ${err.message}. Try again.` : err.message
  if (err instanceof TypeError) return 'Could not reach the server. Check the connection and try again.'
  return err instanceof Error ? err.message : String(err)
}

export function useAction<A extends unknown[], T>(work: (...args: A) => Promise<T>): Action<A, T> {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const run = useCallback(
    async (...args: A) => {
      setBusy(true)
      setError(undefined)
      try {
        return await work(...args)
      } catch (err) {
        setError(failureText(err))
        return undefined
      } finally {
        setBusy(false)
      }
    },
    [work],
  )
  return { run, busy, error, clear: useCallback(() => setError(undefined), []) }
}
