'use client'
/** What changed between two versions: the template line by line, changed model-config keys, the response format. */
import { api, read } from '@/lib/api'
import { useApi } from '@/lib/use-api'

const show = (v: unknown) => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v))

export function DiffView({
  name,
  versions,
  from,
  to,
  onPick,
}: {
  name: string
  versions: number[]
  from: number
  to: number
  onPick: (from: number, to: number) => void
}) {
  const diff = useApi(`diff:${name}:${from}:${to}`, () =>
    read(api.prompts[':name'].diff.$get({ param: { name }, query: { from: String(from), to: String(to) } })),
  )
  const d = diff.data
  const pick = (label: string, value: number, set: (v: number) => void) => (
    <select className="input" aria-label={label} value={value} onChange={(e) => set(Number(e.target.value))}>
      {versions.map((v) => (
        <option key={v} value={v}>
          v{v}
        </option>
      ))}
    </select>
  )
  const added = d?.template.lines.filter((l) => l.op === 'add').length ?? 0
  const removed = d?.template.lines.filter((l) => l.op === 'remove').length ?? 0
  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="form-row">
        {pick('From version', from, (v) => onPick(v, to))}
        <span className="muted">→</span>
        {pick('To version', to, (v) => onPick(from, v))}
        {d && (
          <span className="muted">
            <span className="diff-add-count">+{added}</span>{' '}
            <span className="diff-remove-count">−{removed}</span> lines
          </span>
        )}
      </div>
      {diff.error && <div className="banner">{diff.error.message}</div>}
      {d && (
        <>
          <div className="sub-head">Template</div>
          {d.template.changed ? (
            <pre className="diff-lines">
              {d.template.lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines of one diff, in order
                <div key={i} className={`diff-line ${l.op}`}>
                  <span className="diff-op">{l.op === 'add' ? '+' : l.op === 'remove' ? '−' : ' '}</span>
                  {l.text}
                </div>
              ))}
            </pre>
          ) : (
            <div className="muted">The templates are the same.</div>
          )}
          <div className="sub-head">Model config</div>
          {d.modelConfig.length ? (
            <table className="simple-table diff-config">
              <thead>
                <tr>
                  <th>Key</th>
                  <th>v{from}</th>
                  <th>v{to}</th>
                </tr>
              </thead>
              <tbody>
                {d.modelConfig.map((c) => (
                  <tr key={c.key} className="static">
                    <td className="cell-name">{c.key}</td>
                    <td className="diff-old mono">{show(c.from)}</td>
                    <td className="diff-new mono">{show(c.to)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <div className="muted">No changes.</div>
          )}
          {d.responseFormat.changed && <div className="sub-head">Response format changed</div>}
        </>
      )}
    </div>
  )
}
