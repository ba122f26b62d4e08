'use client'
/**
 * The filter language, typed: completions come from the parser
 * (`/api/filter/suggest`) and from values seen recently (`/api/filter/values`);
 * the parser's error (`/api/filter/validate`) is underlined at its position.
 * Enter applies; `/` anywhere focuses the box.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react'
import { api, type FilterSuggestions, read } from '@/lib/api'
import { SearchIcon } from '../ui/icons'

interface Suggestion {
  label: string
  insertText: string
  kind: string
  detail?: string
}
interface ParseProblem {
  message: string
  offset: number
}

const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
const keyText = (k: string) =>
  /^[A-Za-z0-9_.:-]+$/.test(k) ? k : `"${k.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

async function completions(
  text: string,
  cursor: number,
): Promise<{ from: number; to: number; items: Suggestion[] }> {
  const s: FilterSuggestions = await read(
    api.filter.suggest.$get({ query: { q: text, cursor: String(cursor) } }),
  )
  const items: Suggestion[] = [...s.items]
  if (s.values) {
    const { values } = await read(
      api.filter.values.$get({
        query: { field: s.values.field, prefix: s.values.prefix, limit: '12', from: '1' },
      }),
    )
    const field = s.values.field
    for (const v of values) {
      items.push(
        s.values.keys
          ? {
              label: `${field}.${v}`,
              insertText: `${field}.${keyText(v)}`,
              kind: 'field',
              detail: 'seen recently',
            }
          : { label: v, insertText: quote(v), kind: 'value', detail: 'seen recently' },
      )
    }
  }
  return { from: s.from, to: s.to, items: items.slice(0, 40) }
}

async function validate(text: string): Promise<ParseProblem | undefined> {
  const res = await api.filter.validate.$post({ json: { filter: text } })
  if (res.ok) return undefined
  const body = (await res.json()) as { error: { message: string; position?: { offset: number } } }
  return {
    message: body.error.message.replace(/^body\.filter: /, ''),
    offset: body.error.position?.offset ?? 0,
  }
}

export interface FilterBoxHandle {
  focus(): void
}

export const FilterBox = forwardRef<FilterBoxHandle, { value: string; onApply: (text: string) => void }>(
  function FilterBox({ value, onApply }, ref) {
    const [text, setText] = useState(value)
    const [open, setOpen] = useState(false)
    const [sugg, setSugg] = useState<{ from: number; to: number; items: Suggestion[] }>({
      from: 0,
      to: 0,
      items: [],
    })
    const [active, setActive] = useState(0)
    // Enter applies the filter, unless a suggestion was picked with the arrow keys (Tab always completes).
    const [picked, setPicked] = useState(false)
    const [problem, setProblem] = useState<ParseProblem>()
    const input = useRef<HTMLInputElement>(null)
    const seq = useRef(0)
    useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), [])
    useEffect(() => setText(value), [value])

    const refresh = useCallback((next: string, cursor: number) => {
      const id = ++seq.current
      completions(next, cursor).then(
        (s) => {
          if (id !== seq.current) return
          setSugg(s)
          setActive(0)
          setPicked(false)
        },
        () => undefined,
      )
    }, [])

    // Validation trails typing a little, so the underline does not flicker.
    useEffect(() => {
      if (text.trim() === '') {
        setProblem(undefined)
        return
      }
      const timer = setTimeout(() => validate(text).then(setProblem, () => undefined), 250)
      return () => clearTimeout(timer)
    }, [text])

    function accept(s: Suggestion) {
      const next = `${text.slice(0, sugg.from)}${s.insertText} ${text.slice(sugg.to).replace(/^ /, '')}`
      const cursor = sugg.from + s.insertText.length + 1
      setText(next)
      setSugg({ from: cursor, to: cursor, items: [] })
      requestAnimationFrame(() => input.current?.setSelectionRange(cursor, cursor))
      refresh(next, cursor)
    }

    function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
      const items = sugg.items
      if (open && items.length > 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        e.preventDefault()
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length)
        setPicked(true)
      } else if (open && items.length > 0 && e.key === 'Tab') {
        e.preventDefault()
        accept(items[active]!)
      } else if (e.key === 'Enter') {
        e.preventDefault()
        if (open && picked && items.length > 0) accept(items[active]!)
        else {
          setOpen(false)
          onApply(text.trim())
        }
      } else if (e.key === 'Escape') {
        if (open) setOpen(false)
        else input.current?.blur()
      }
    }

    const at = problem ? Math.min(problem.offset, text.length) : 0
    return (
      <div className="filter-box">
        <div className={`filter-field${problem ? ' invalid' : ''}`}>
          <SearchIcon />
          <div className="filter-input-wrap">
            {problem && (
              <div className="filter-mirror" aria-hidden="true">
                <span>{text.slice(0, at)}</span>
                <span className="filter-error-mark">{text.slice(at) || ' '}</span>
              </div>
            )}
            <input
              ref={input}
              className="filter-input"
              value={text}
              spellCheck={false}
              autoComplete="off"
              placeholder={
                "Filter: span.kind = 'LLM' AND trace.duration_ms > 2s   (press / to focus, Enter to apply)"
              }
              aria-label="Filter"
              aria-invalid={problem ? true : undefined}
              onChange={(e) => {
                setText(e.target.value)
                setOpen(true)
                refresh(e.target.value, e.target.selectionStart ?? e.target.value.length)
              }}
              onFocus={(e) => {
                setOpen(true)
                refresh(text, e.target.selectionStart ?? text.length)
              }}
              onClick={(e) => refresh(text, e.currentTarget.selectionStart ?? text.length)}
              onBlur={() => setTimeout(() => setOpen(false), 120)}
              onKeyDown={onKeyDown}
            />
          </div>
          {text !== value && (
            <button type="button" className="btn ghost filter-apply" onMouseDown={() => onApply(text.trim())}>
              Apply <kbd>↵</kbd>
            </button>
          )}
          {value && text === value && (
            <button
              type="button"
              className="btn ghost filter-apply"
              aria-label="Clear filter"
              onMouseDown={() => {
                setText('')
                onApply('')
              }}
            >
              Clear
            </button>
          )}
        </div>
        {problem && (
          <div className="filter-problem" role="alert" data-testid="filter-problem">
            <span className="mono">{`col ${at + 1}`}</span> {problem.message}
          </div>
        )}
        {open && sugg.items.length > 0 && (
          <div className="menu filter-menu" role="listbox">
            {sugg.items.map((s, i) => (
              <button
                type="button"
                role="option"
                aria-selected={i === active}
                key={`${s.kind}:${s.label}`}
                className={`menu-item${i === active ? ' active' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault()
                  accept(s)
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className={`sugg-kind ${s.kind}`}>{s.kind[0]}</span>
                <span className="mono">{s.label}</span>
                {s.detail && <span className="muted ellipsis sugg-detail">{s.detail}</span>}
              </button>
            ))}
          </div>
        )}
      </div>
    )
  },
)
