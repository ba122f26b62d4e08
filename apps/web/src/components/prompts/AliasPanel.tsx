'use client'
/**
 * The prompt's aliases and their history; point an alias at the version
 * shown, after a confirmation that says what moves where.
 */
import { useState } from 'react'
import { api, read } from '@/lib/api'
import type { PromptWithAliases } from '@/lib/api-types'
import { formatAgo, formatTime } from '@/lib/format'
import { useAction } from '@/lib/use-action'
import { useApi } from '@/lib/use-api'
import { ConfirmDialog } from './ConfirmDialog'

export function AliasPanel({
  prompt,
  version,
  onMoved,
}: {
  prompt: PromptWithAliases
  version: number
  onMoved: () => void
}) {
  const name = prompt.name
  const history = useApi(
    `alias-history:${name}:${prompt.aliases.map((a) => `${a.name}=${a.version}`).join()}`,
    () => read(api.prompts[':name'].aliases.history.$get({ param: { name }, query: { limit: '20' } })),
  )
  const [alias, setAlias] = useState('production')
  const [asking, setAsking] = useState(false)
  const current = prompt.aliases.find((a) => a.name === alias.trim())
  const move = useAction(async () => {
    await read(
      api.prompts[':name'].aliases[':alias'].$put({
        param: { name, alias: alias.trim() },
        json: { version },
      }),
    )
    setAsking(false)
    onMoved()
  })

  return (
    <div className="alias-panel" data-testid="alias-panel">
      <div className="sub-head">Aliases</div>
      <ul className="alias-list">
        {prompt.aliases.map((a) => (
          <li key={a.name} data-alias={a.name}>
            <span className="pill alias">{a.name}</span>
            <span>v{a.version}</span>
            <span className="muted" title={formatTime(a.updatedAt)}>
              {formatAgo(a.updatedAt)}
            </span>
          </li>
        ))}
        {prompt.aliases.length === 0 && <li className="muted">No aliases yet.</li>}
      </ul>
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault()
          move.clear()
          setAsking(true)
        }}
      >
        <input
          className="input alias-input"
          aria-label="Alias"
          list="alias-names"
          value={alias}
          onChange={(e) => setAlias(e.target.value)}
          required
          maxLength={64}
        />
        <datalist id="alias-names">
          {prompt.aliases.map((a) => (
            <option key={a.name} value={a.name} />
          ))}
        </datalist>
        <button type="submit" className="btn" disabled={!alias.trim() || current?.version === version}>
          Point to v{version}
        </button>
      </form>
      {move.error && !asking && (
        <div className="error-text" role="alert">
          {move.error}
        </div>
      )}
      {asking && (
        <ConfirmDialog
          title={`Move ${alias.trim()}?`}
          confirmLabel={`Move to v${version}`}
          busy={move.busy}
          error={move.error}
          onConfirm={() => move.run()}
          onCancel={() => setAsking(false)}
        >
          {current ? (
            <p>
              <b>{alias.trim()}</b> points to v{current.version}. Clients that fetch{' '}
              <code>{`${name}@${alias.trim()}`}</code> get v{version} from now on.
            </p>
          ) : (
            <p>
              Creates the alias <b>{alias.trim()}</b> on v{version}: <code>{`${name}@${alias.trim()}`}</code>{' '}
              starts resolving.
            </p>
          )}
        </ConfirmDialog>
      )}
      <div className="sub-head">History</div>
      <ul className="alias-history">
        {(history.data?.items ?? []).map((h) => (
          <li key={h.id}>
            <span className="pill alias">{h.alias}</span>
            <span>
              {h.previousVersion ? `v${h.previousVersion}` : 'new'} →{' '}
              {h.version ? `v${h.version}` : 'deleted'}
            </span>
            <span className="spacer" />
            <span className="muted" title={formatTime(h.changedAt)}>
              {h.changedBy ? `${h.changedBy} · ` : ''}
              {formatAgo(h.changedAt)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
