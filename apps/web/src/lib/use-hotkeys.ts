'use client'
/**
 * Single-key shortcuts for a view, ignored while typing in a field. Named
 * keys are lowercase (`arrowdown`, `enter`, `escape`).
 *
 * The listener is attached in a layout effect, in the same task as the
 * commit that shows the view: a key pressed as soon as a new item appears
 * (the labelling view remounts its form per item) reaches the new form
 * instead of falling between the old listener's removal and the new one's.
 */
import { useLayoutEffect, useRef } from 'react'

export function useHotkeys(bindings: Record<string, (e: KeyboardEvent) => void>): void {
  const ref = useRef(bindings)
  ref.current = bindings
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey) return
      const target = e.target as HTMLElement | null
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return
      const handler = ref.current[e.key.length === 1 ? e.key : e.key.toLowerCase()]
      if (!handler) return
      e.preventDefault()
      handler(e)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
