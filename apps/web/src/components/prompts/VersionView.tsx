'use client'
/** One version: its template (chat messages or text) with variables marked, model config and response format. */
import type { PromptVersion } from '@/lib/api-types'
import { formatTime } from '@/lib/format'
import { TemplateText, variablesOf } from './TemplateText'

export function templateTexts(v: PromptVersion): string[] {
  return v.template.type === 'text'
    ? [v.template.text]
    : v.template.messages.map((m) => ('content' in m ? m.content : ''))
}

export function VersionView({ version: v }: { version: PromptVersion }) {
  const vars = variablesOf(templateTexts(v))
  return (
    <div className="version-view" data-testid="version-view">
      <div className="version-meta">
        <span className="cell-name">Version {v.version}</span>
        {v.commitMessage && <span>{v.commitMessage}</span>}
        <span className="spacer" />
        <span className="muted">
          {v.author ? `${v.author} · ` : ''}
          {formatTime(v.createdAt)}
        </span>
      </div>
      <div className="sub-head">
        Variables <span className="count">{vars.length}</span>
      </div>
      <div className="var-list">
        {vars.length ? (
          vars.map((n) => <code key={n} className="template-var">{`{{${n}}}`}</code>)
        ) : (
          <span className="muted">none</span>
        )}
      </div>
      <div className="sub-head">Template · {v.template.type}</div>
      {v.template.type === 'text' ? (
        <div className="template-block">
          <TemplateText text={v.template.text} />
        </div>
      ) : (
        <ol className="template-messages">
          {v.template.messages.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages of one template, in order
            <li key={i} className="template-block">
              {'content' in m ? (
                <>
                  <div className="msg-role">{m.role}</div>
                  <TemplateText text={m.content} />
                </>
              ) : (
                <div className="muted">
                  messages placeholder <code className="template-var">{m.name}</code>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <div className="sub-head">Model config</div>
      {v.modelConfig && Object.keys(v.modelConfig).length > 0 ? (
        <dl className="kv">
          {Object.entries(v.modelConfig).map(([k, val]) => (
            <div key={k} className="kv-row">
              <dt>{k}</dt>
              <dd className="mono">{typeof val === 'string' ? val : JSON.stringify(val)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <div className="muted">none</div>
      )}
      {v.responseFormat && (
        <>
          <div className="sub-head">Response format</div>
          <pre className="template-block mono">{JSON.stringify(v.responseFormat, null, 2)}</pre>
        </>
      )}
    </div>
  )
}
