/** Retrieved documents in rank order, with their scores and metadata. */
import type { RetrievedDocument } from '@/lib/content-shape'
import { formatValue } from '@/lib/format'
import { FoldedText } from './FoldedText'

export function DocumentsView({ documents }: { documents: RetrievedDocument[] }) {
  const max = Math.max(...documents.map((d) => d.score ?? 0), 1e-9)
  return (
    <div className="docs">
      {documents.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat or be empty; rank is the identity
        <div key={`${d.id}:${i}`} className="doc">
          <div className="doc-head">
            <span className="doc-rank">#{i + 1}</span>
            <span className="mono ellipsis">{d.id || '(no id)'}</span>
            <span className="spacer" />
            {d.score !== null && (
              <span className="doc-score" title="score">
                <span className="score-bar">
                  <span style={{ width: `${Math.max(4, (Math.max(d.score, 0) / max) * 100)}%` }} />
                </span>
                {formatValue(d.score)}
              </span>
            )}
          </div>
          <FoldedText text={d.content} />
          {Object.keys(d.metadata).length > 0 && (
            <div className="doc-meta">
              {Object.entries(d.metadata).map(([k, v]) => (
                <span key={k} className="pill">
                  {k}: {typeof v === 'string' ? v : JSON.stringify(v)}
                </span>
              ))}
            </div>
          )}
        </div>
      ))}
    </div>
  )
}
