/** A conversation: each message with its role, tool calls as cards, tool results beside their call id. */
import type { Message } from '@/lib/content-shape'
import { contentText } from '@/lib/content-shape'
import { FoldedText } from './FoldedText'
import { JsonTree } from './JsonTree'

function parsed(text: string): unknown {
  try {
    const v = JSON.parse(text)
    return typeof v === 'object' && v !== null ? v : undefined
  } catch {
    return undefined
  }
}

function Body({ text }: { text: string }) {
  const json = parsed(text)
  return json !== undefined ? <JsonTree value={json} openDepth={1} /> : <FoldedText text={text} />
}

export function ChatView({ messages }: { messages: Message[] }) {
  return (
    <div className="chat">
      {messages.map((m, i) => {
        const text = contentText(m.content)
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages have no id; their order is their identity
          <div key={i} className={`msg role-${m.role}`}>
            <div className="msg-role">
              {m.role}
              {m.name && <span className="muted"> · {m.name}</span>}
              {m.tool_call_id && <span className="muted mono"> · {m.tool_call_id}</span>}
              {m.finish_reason && m.finish_reason !== 'stop' && (
                <span className="pill">{m.finish_reason}</span>
              )}
            </div>
            {text && (m.role === 'tool' ? <Body text={text} /> : <FoldedText text={text} />)}
            {m.tool_calls?.map((call) => (
              <div key={call.id || call.name} className="tool-call">
                <div className="tool-call-head">
                  <span className="tool-fn">{call.name}()</span>
                  {call.id && <span className="muted mono">{call.id}</span>}
                </div>
                <Body text={call.arguments} />
              </div>
            ))}
          </div>
        )
      })}
    </div>
  )
}
