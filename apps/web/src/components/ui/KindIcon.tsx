/** A span kind as a small coloured glyph, the same colour as its waterfall bar. */
const GLYPHS: Record<string, string> = {
  LLM: 'M8 2.5 9.4 6.6 13.5 8 9.4 9.4 8 13.5 6.6 9.4 2.5 8 6.6 6.6Z',
  CHAT_MODEL: 'M3 4.5A1.5 1.5 0 0 1 4.5 3h7A1.5 1.5 0 0 1 13 4.5v5A1.5 1.5 0 0 1 11.5 11H7l-3 2.5V11H4.5',
  EMBEDDING: 'M3 5h10M3 8h10M3 11h10M5.5 3v10M10.5 3v10',
  RETRIEVER: 'M7 11.5a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9ZM10.3 10.3 13.5 13.5',
  RERANKER: 'M4 3v10M4 13l-2-2M4 13l2-2M12 13V3M12 3l-2 2M12 3l2 2',
  TOOL: 'M10.5 2.5a3 3 0 0 0-2.8 4.1L2.8 11.5a1.2 1.2 0 0 0 1.7 1.7l4.9-4.9a3 3 0 0 0 4.1-2.8l-1.8 1.8-1.9-.5-.5-1.9Z',
  AGENT: 'M4 6.5h8v6H4zM8 6.5V4M6.2 9.3h.01M9.8 9.3h.01M8 4a.8.8 0 1 0 0-1.6A.8.8 0 0 0 8 4Z',
  CHAIN: 'M6.5 9.5l3-3M7 4.8l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1M9 11.2l-1 1a2.5 2.5 0 0 1-3.5-3.5l1-1',
  GUARDRAIL: 'M8 2.5 13 4.5v3.5c0 3-2.2 5-5 5.5-2.8-.5-5-2.5-5-5.5V4.5Z',
  EVALUATOR: 'M3.5 8.5 6.5 11.5 12.5 4.5',
  UNKNOWN: 'M8 10.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z',
}

export function kindColor(kind: string): string {
  return `var(--k-${(kind === 'CHAT_MODEL' ? 'LLM' : kind in GLYPHS ? kind : 'UNKNOWN').toLowerCase()})`
}

export function KindIcon({ kind }: { kind: string }) {
  const d = GLYPHS[kind] ?? GLYPHS.UNKNOWN
  return (
    <span className="kind-icon" style={{ color: kindColor(kind) }} title={kind}>
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
        <path
          d={d}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </span>
  )
}
