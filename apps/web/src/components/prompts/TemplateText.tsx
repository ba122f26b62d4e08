/** Template text with its `{{variables}}` marked; plain text nodes only. */
const VARIABLE = /(\{\{\s*[A-Za-z_][\w.]*\s*\}\})/g

export function TemplateText({ text }: { text: string }) {
  const parts = text.split(VARIABLE)
  return (
    <pre className="template-text">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
          <span key={i} className="template-var">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </pre>
  )
}

/** The variable names a template uses, in first-use order. */
export function variablesOf(texts: string[]): string[] {
  const names = new Set<string>()
  for (const t of texts) for (const m of t.matchAll(VARIABLE)) names.add(m[1]!.slice(2, -2).trim())
  return [...names]
}
