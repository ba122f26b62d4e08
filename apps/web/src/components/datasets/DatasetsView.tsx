'use client'
/** Datasets with their current version and size; each opens its items. */
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { api, read } from '@/lib/api'
import { formatAgo, formatTime } from '@/lib/format'
import { useApi } from '@/lib/use-api'
import { ListHead } from '../ui/ListHead'

export const datasetHref = (id: string) => `/datasets/view?id=${encodeURIComponent(id)}`

export function DatasetsView() {
  const router = useRouter()
  const list = useApi('datasets', () => read(api.datasets.$get({ query: { limit: '200' } })))
  const items = list.data?.items ?? []
  return (
    <div className="page flow">
      <ListHead
        title="Datasets"
        loading={list.loading}
        count={items.length}
        unit={['dataset', 'datasets']}
        error={list.error}
      />
      <div className="panel">
        <table className="simple-table">
          <thead>
            <tr>
              <th>Dataset</th>
              <th>Description</th>
              <th className="right">Version</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-dataset={d.name} onClick={() => router.push(datasetHref(d.id))}>
                <td>
                  <Link href={datasetHref(d.id)} className="cell-name">
                    {d.name}
                  </Link>
                </td>
                <td className="ellipsis desc-cell">{d.description || <span className="muted">–</span>}</td>
                <td className="right">v{d.version}</td>
                <td title={formatTime(d.updatedAt)}>{formatAgo(d.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!list.loading && items.length === 0 && (
          <div className="empty-rows">
            No datasets yet. Add a trace to one from its page (“Add to dataset”), or import JSONL or CSV with{' '}
            <code>POST /api/datasets/&#123;id&#125;/import</code>.
          </div>
        )}
      </div>
    </div>
  )
}
