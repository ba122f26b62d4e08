'use client'
/**
 * One dataset's items as of a version (`?id=&version=`, default the
 * latest), in the order added: inputs, expectations, metadata and the trace
 * an item came from. Click a row to see it whole.
 */
import Link from 'next/link'
import { Fragment } from 'react'
import { api, read } from '@/lib/api'
import { formatAgo, formatTime } from '@/lib/format'
import { useUrlState } from '@/lib/url-state'
import { useApi } from '@/lib/use-api'
import { JsonTree } from '../content/JsonTree'

const oneLine = (v: unknown) => {
  const s = JSON.stringify(v)
  return s === '{}' ? '' : s
}

/** Links inside a clickable row open themselves, not the row. */
const stop = (e: React.MouseEvent) => e.stopPropagation()
export function DatasetView() {
  const url = useUrlState()
  const id = url.get('id') ?? ''
  const version = url.get('version')
  const dataset = useApi(id ? `dataset:${id}` : null, () =>
    read(api.datasets[':datasetId'].$get({ param: { datasetId: id } })),
  )
  const items = useApi(id ? `dataset-items:${id}:${version ?? ''}` : null, () =>
    read(
      api.datasets[':datasetId'].items.$get({
        param: { datasetId: id },
        query: { limit: '500', ...(version ? { version } : {}) },
      }),
    ),
  )
  const list = items.data?.items ?? []
  const open = url.get('item')
  const d = dataset.data
  const versions = d ? Array.from({ length: d.version }, (_, i) => d.version - i) : []

  return (
    <div className="page flow">
      <div className="page-head">
        <div className="crumbs">
          <Link href="/datasets">Datasets</Link>
          <span>/</span>
          <h1 className="ellipsis">{d?.name ?? 'Dataset'}</h1>
        </div>
        <span className="muted">
          {list.length}
          {items.data?.nextCursor ? '+' : ''} items
        </span>
        <div className="spacer" />
        {versions.length > 0 && (
          <select
            className="input"
            aria-label="Version"
            value={items.data?.version ?? d?.version}
            onChange={(e) =>
              url.set({
                version: Number(e.target.value) === d?.version ? undefined : e.target.value,
                item: undefined,
              })
            }
          >
            {versions.map((v) => (
              <option key={v} value={v}>
                version {v}
                {v === d?.version ? ' (latest)' : ''}
              </option>
            ))}
          </select>
        )}
      </div>
      {(dataset.error ?? items.error) && (
        <div className="banner">{(dataset.error ?? items.error)?.message}</div>
      )}
      {d?.description && <p className="muted">{d.description}</p>}
      <div className="panel">
        <table className="simple-table dataset-items">
          <thead>
            <tr>
              <th>Inputs</th>
              <th>Expectations</th>
              <th>Source</th>
              <th>Added</th>
            </tr>
          </thead>
          <tbody>
            {list.map((item) => (
              <Fragment key={item.id}>
                <tr
                  data-item={item.id}
                  className={open === item.id ? 'selected' : ''}
                  onClick={() => url.set({ item: open === item.id ? undefined : item.id })}
                >
                  <td className="ellipsis json-cell mono">{oneLine(item.inputs)}</td>
                  <td className="ellipsis json-cell mono">
                    {oneLine(item.expectations) || <span className="muted">–</span>}
                  </td>
                  <td>
                    {item.sourceTraceId ? (
                      <Link onClick={stop} href={`/traces/view?id=${item.sourceTraceId}`}>
                        trace →
                      </Link>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                  <td title={formatTime(item.createdAt)}>
                    {formatAgo(item.createdAt)} <span className="muted">v{item.version}</span>
                  </td>
                </tr>
                {open === item.id && (
                  <tr className="static item-open">
                    <td colSpan={4}>
                      <div className="item-grid">
                        <div>
                          <div className="sub-head">Inputs</div>
                          <JsonTree value={item.inputs} />
                        </div>
                        <div>
                          <div className="sub-head">Expectations</div>
                          <JsonTree value={item.expectations} />
                        </div>
                        {Object.keys(item.metadata).length > 0 && (
                          <div>
                            <div className="sub-head">Metadata</div>
                            <JsonTree value={item.metadata} />
                          </div>
                        )}
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        {!items.loading && list.length === 0 && <div className="empty-rows">No items in this version.</div>}
      </div>
    </div>
  )
}
