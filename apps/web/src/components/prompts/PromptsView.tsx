'use client'
/** Prompt names with their latest version and aliases; each opens the prompt. */
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { api, read } from '@/lib/api'
import { formatAgo, formatTime } from '@/lib/format'
import { useApi } from '@/lib/use-api'
import { ListHead } from '../ui/ListHead'

export const promptHref = (name: string, params: Record<string, string> = {}) =>
  `/prompts/view?${new URLSearchParams({ name, ...params })}`

export function PromptsView() {
  const router = useRouter()
  const list = useApi('prompts', () => read(api.prompts.$get({ query: { limit: '200' } })))
  const items = list.data?.items ?? []
  return (
    <div className="page flow">
      <ListHead
        title="Prompts"
        loading={list.loading}
        count={items.length}
        unit={['prompt', 'prompts']}
        error={list.error}
      />
      <div className="panel">
        <table className="simple-table">
          <thead>
            <tr>
              <th>Prompt</th>
              <th>Description</th>
              <th className="right">Versions</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} data-prompt={p.name} onClick={() => router.push(promptHref(p.name))}>
                <td>
                  <Link href={promptHref(p.name)} className="cell-name">
                    {p.name}
                  </Link>
                </td>
                <td className="ellipsis desc-cell">{p.description || <span className="muted">–</span>}</td>
                <td className="right">{p.latestVersion}</td>
                <td title={formatTime(p.createdAt)}>{formatAgo(p.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!list.loading && items.length === 0 && (
          <div className="empty-rows">
            No prompts yet. Register one with <code>POST /api/prompts</code> or the SDK, then use it with{' '}
            <code>{"prompts.get('name@production')"}</code>.
          </div>
        )}
      </div>
    </div>
  )
}
