'use client'
/**
 * Register the next version, starting from the one shown: edit the text or
 * the chat messages, the model config (JSON) and a commit message. A
 * refused request shows the API's reason and keeps every edit.
 */
import { useState } from 'react'
import { api, read } from '@/lib/api'
import type { PromptVersion } from '@/lib/api-types'
import { useAction } from '@/lib/use-action'

type Message =
  | { role: 'system' | 'user' | 'assistant'; content: string }
  | { type: 'placeholder'; name: string }
const ROLES = ['system', 'user', 'assistant'] as const

export function NewVersionForm({
  name,
  base,
  onCreated,
  onCancel,
}: {
  name: string
  base: PromptVersion | undefined
  onCreated: (version: number) => void
  onCancel: () => void
}) {
  const [kind, setKind] = useState<'text' | 'chat'>(base?.template.type ?? 'chat')
  const [text, setText] = useState(base?.template.type === 'text' ? base.template.text : '')
  const [messages, setMessages] = useState<Message[]>(
    base?.template.type === 'chat' ? (base.template.messages as Message[]) : [{ role: 'user', content: '' }],
  )
  const [config, setConfig] = useState(base?.modelConfig ? JSON.stringify(base.modelConfig, null, 2) : '')
  const [commit, setCommit] = useState('')
  const [local, setLocal] = useState<string>()
  const save = useAction(async () => {
    const created = await read(
      api.prompts[':name'].versions.$post({
        param: { name },
        json: {
          template: kind === 'text' ? { type: 'text', text } : { type: 'chat', messages },
          // biome-ignore lint/suspicious/noExplicitAny: checked by the API's schema, whose message is shown
          modelConfig: config.trim() ? (JSON.parse(config) as any) : null,
          ...(base?.responseFormat ? { responseFormat: base.responseFormat } : {}),
          commitMessage: commit,
          author: 'dashboard',
        },
      }),
    )
    onCreated(created.version)
  })
  const setMessage = (i: number, m: Message) => setMessages((all) => all.map((x, j) => (j === i ? m : x)))

  function submit(e: React.FormEvent) {
    e.preventDefault()
    setLocal(undefined)
    if (config.trim()) {
      try {
        const parsed = JSON.parse(config)
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object')
      } catch {
        return setLocal('Model config must be a JSON object, e.g. {"model": "gpt-4o", "temperature": 0.2}')
      }
    }
    save.run()
  }

  return (
    <form className="new-version" onSubmit={submit} aria-label="New version">
      <div className="form-row">
        <div className="sub-head">New version{base ? ` from v${base.version}` : ''}</div>
        <span className="spacer" />
        <div className="seg" role="radiogroup" aria-label="Template type">
          <button type="button" className={kind === 'chat' ? 'on' : ''} onClick={() => setKind('chat')}>
            Chat
          </button>
          <button type="button" className={kind === 'text' ? 'on' : ''} onClick={() => setKind('text')}>
            Text
          </button>
        </div>
      </div>
      {kind === 'text' ? (
        <textarea
          className="input mono"
          aria-label="Template text"
          rows={8}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      ) : (
        <ol className="edit-messages">
          {messages.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages are edited in place, by position
            <li key={i} className="form-row">
              {'type' in m ? (
                <>
                  <span className="muted role-col">history</span>
                  <input
                    className="input"
                    aria-label={`Placeholder ${i + 1}`}
                    value={m.name}
                    onChange={(e) => setMessage(i, { type: 'placeholder', name: e.target.value })}
                  />
                </>
              ) : (
                <>
                  <select
                    className="input role-col"
                    aria-label={`Role ${i + 1}`}
                    value={m.role}
                    onChange={(e) => setMessage(i, { ...m, role: e.target.value as (typeof ROLES)[number] })}
                  >
                    {ROLES.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                  <textarea
                    className="input mono"
                    aria-label={`Message ${i + 1}`}
                    rows={3}
                    value={m.content}
                    onChange={(e) => setMessage(i, { ...m, content: e.target.value })}
                  />
                </>
              )}
              <button
                type="button"
                className="btn ghost"
                aria-label={`Remove message ${i + 1}`}
                onClick={() => setMessages((all) => all.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="btn ghost"
              onClick={() => setMessages((all) => [...all, { role: 'user', content: '' }])}
            >
              + Message
            </button>
          </li>
        </ol>
      )}
      <label className="field">
        <span className="muted">Model config (JSON)</span>
        <textarea
          className="input mono"
          aria-label="Model config"
          rows={4}
          value={config}
          onChange={(e) => setConfig(e.target.value)}
        />
      </label>
      <input
        className="input"
        aria-label="Commit message"
        placeholder="What changed (commit message)"
        value={commit}
        onChange={(e) => setCommit(e.target.value)}
        maxLength={4096}
      />
      {(local ?? save.error) && (
        <div className="error-text" role="alert">
          {local ?? save.error}
        </div>
      )}
      <div className="form-row">
        <span className="spacer" />
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={save.busy}>
          {save.busy ? 'Registering…' : 'Register version'}
        </button>
      </div>
    </form>
  )
}
