'use client'
import { ColumnsIcon } from '../ui/icons'
import { Popover } from '../ui/Popover'
import type { Column } from './columns'

export function ColumnChooser({
  columns,
  shown,
  onChange,
}: {
  columns: Column[]
  shown: string[]
  onChange: (ids: string[]) => void
}) {
  return (
    <Popover label={<ColumnsIcon />} buttonLabel="Columns" align="right">
      {() => (
        <div className="columns-menu">
          <div className="menu-title">Columns</div>
          {columns.map((c) => {
            const on = shown.includes(c.id)
            return (
              <label key={c.id} className="menu-item">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={() => onChange(on ? shown.filter((id) => id !== c.id) : [...shown, c.id])}
                />
                {c.id.startsWith('a:') ? (
                  <span>
                    {c.label} <span className="muted">assessment</span>
                  </span>
                ) : (
                  c.label
                )}
              </label>
            )
          })}
        </div>
      )}
    </Popover>
  )
}
