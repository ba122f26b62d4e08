/**
 * The head of a list page: its title, how many rows are loaded ("12+" when
 * more pages wait), the page's own controls on the right, and the list's
 * load error as a banner below.
 */
import type { ReactNode } from 'react'

interface ListHeadProps {
  title: string
  loading: boolean
  count: number
  /** More rows exist past the loaded page. */
  more?: boolean
  /** What is counted: `['dataset', 'datasets']`, or one word for any count (`'in window'`). */
  unit: string | readonly [singular: string, plural: string]
  error?: Error
  /** Controls shown right of the count (time range, search, buttons). */
  children?: ReactNode
}

export function ListHead({ title, loading, count, more, unit, error, children }: ListHeadProps) {
  const word = typeof unit === 'string' ? unit : count === 1 ? unit[0] : unit[1]
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        <span className="muted">{loading ? 'loading…' : `${count}${more ? '+' : ''} ${word}`}</span>
        {children && <div className="spacer" />}
        {children}
      </div>
      {error && <div className="banner">{error.message}</div>}
    </>
  )
}
