/** A span's input or output, rendered by its shape (see lib/content-shape). */
import { useMemo } from 'react'
import { shapeOf } from '@/lib/content-shape'
import { ChatView } from './ChatView'
import { DocumentsView } from './DocumentsView'
import { FoldedText } from './FoldedText'
import { JsonTree } from './JsonTree'

export function ContentView({ text }: { text: string }) {
  const shape = useMemo(() => shapeOf(text), [text])
  switch (shape.kind) {
    case 'empty':
      return <div className="muted">—</div>
    case 'messages':
      return <ChatView messages={shape.messages} />
    case 'documents':
      return <DocumentsView documents={shape.documents} />
    case 'text':
      return <FoldedText text={shape.text} className="plain" />
    case 'json':
      return <JsonTree value={shape.value} />
  }
}
