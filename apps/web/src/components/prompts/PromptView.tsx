'use client'
/**
 * One prompt (`?name=&v=&tab=`): its versions on the left with their
 * aliases; on the right the chosen version's template, a diff against
 * another version, the traces that used it, and its aliases. "New version"
 * registers the next one from the version shown.
 */
import Link from 'next/link'
import { useState } from 'react'
import { api, read } from '@/lib/api'
import { formatAgo } from '@/lib/format'
import { useUrlState } from '@/lib/url-state'
import { useApi } from '@/lib/use-api'
import { AliasPanel } from './AliasPanel'
import { DiffView } from './DiffView'
import { NewVersionForm } from './NewVersionForm'
import { VersionTraces } from './VersionTraces'
import { VersionView } from './VersionView'

const TABS = [
  { id: 'template', label: 'Template' },
  { id: 'diff', label: 'Diff' },
  { id: 'traces', label: 'Traces' },
  { id: 'aliases', label: 'Aliases' },
] as const

export function PromptView() {
  const url = useUrlState()
  const name = url.get('name') ?? ''
  const prompt = useApi(name ? `prompt:${name}` : null, () =>
    read(api.prompts[':name'].$get({ param: { name } })),
  )
  const versions = useApi(name ? `prompt-versions:${name}:${prompt.data?.latestVersion}` : null, () =>
    read(api.prompts[':name'].versions.$get({ param: { name }, query: { limit: '200' } })),
  )
  const [editing, setEditing] = useState(false)
  const list = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version)
  const latest = list[0]?.version ?? 0
  const chosen = Number(url.get('v') ?? latest)
  const shown = list.find((v) => v.version === chosen)
  const tab = url.get('tab') ?? 'template'
  const aliasesOf = (v: number) => prompt.data?.aliases.filter((a) => a.version === v) ?? []
  const diffFrom = Number(url.get('from') ?? list.find((v) => v.version < chosen)?.version ?? chosen)

  if (!name) return <div className="page loading">No prompt name in the address.</div>
  return (
    <div className="page">
      <div className="page-head">
        <div className="crumbs">
          <Link href="/prompts">Prompts</Link>
          <span>/</span>
          <h1 className="ellipsis">{name}</h1>
        </div>
        {prompt.data?.aliases.map((a) => (
          <span key={a.name} className="pill alias" title={`${a.name} → v${a.version}`}>
            {a.name}: v{a.version}
          </span>
        ))}
        <div className="spacer" />
        <button
          type="button"
          className="btn primary"
          onClick={() => setEditing(true)}
          disabled={editing || !versions.data}
        >
          New version
        </button>
      </div>
      {(prompt.error ?? versions.error) && (
        <div className="banner">{(prompt.error ?? versions.error)?.message}</div>
      )}
      {prompt.data?.description && <p className="muted prompt-desc">{prompt.data.description}</p>}
      <div className="prompt-split">
        <div className="panel version-list" role="listbox" aria-label="Versions">
          {list.map((v) => (
            <button
              type="button"
              key={v.version}
              role="option"
              aria-selected={v.version === chosen}
              className={`version-item${v.version === chosen ? ' selected' : ''}`}
              onClick={() => url.set({ v: String(v.version), from: undefined })}
            >
              <span className="version-n">v{v.version}</span>
              <span className="ellipsis version-msg">
                {v.commitMessage || <span className="muted">no message</span>}
              </span>
              <span className="version-aliases">
                {aliasesOf(v.version).map((a) => (
                  <span key={a.name} className="pill alias">
                    {a.name}
                  </span>
                ))}
              </span>
              <span className="muted version-ago">{formatAgo(v.createdAt)}</span>
            </button>
          ))}
          {versions.loading && list.length === 0 && <div className="loading">Loading…</div>}
          {!versions.loading && list.length === 0 && <div className="empty-rows">No versions yet.</div>}
        </div>
        <div className="panel prompt-detail">
          {editing ? (
            <div className="detail-body">
              <NewVersionForm
                name={name}
                base={shown}
                onCancel={() => setEditing(false)}
                onCreated={(v) => {
                  setEditing(false)
                  prompt.reload()
                  url.set({ v: String(v), tab: undefined, from: undefined })
                }}
              />
            </div>
          ) : (
            <>
              <div className="tabs">
                {TABS.map((t) => (
                  <button
                    type="button"
                    key={t.id}
                    className={`tab${tab === t.id ? ' active' : ''}`}
                    onClick={() => url.set({ tab: t.id === 'template' ? undefined : t.id })}
                  >
                    {t.label}
                  </button>
                ))}
              </div>
              <div className="detail-body">
                {shown && tab === 'template' && <VersionView version={shown} />}
                {shown && tab === 'diff' && (
                  <DiffView
                    name={name}
                    versions={list.map((v) => v.version).reverse()}
                    from={diffFrom}
                    to={chosen}
                    onPick={(f, t) => url.set({ from: String(f), v: String(t) })}
                  />
                )}
                {shown && tab === 'traces' && <VersionTraces name={name} version={chosen} />}
                {shown && tab === 'aliases' && prompt.data && (
                  <AliasPanel prompt={prompt.data} version={chosen} onMoved={prompt.reload} />
                )}
              </div>
            </>
          )}
        </div>
      </div>
    </div>
  )
}
