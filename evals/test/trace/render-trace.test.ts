import { describe, expect, it } from 'vitest'
import { buildSpanTree, renderTrace } from '../../src/index.js'
import { span, spanId } from '../support/spans.js'

describe('renderTrace', () => {
  it('outlines the span tree with kind, duration, status and cut input/output', () => {
    const spans = [
      span(2, {
        name: 'search',
        kind: 'RETRIEVER',
        parent_span_id: spanId(1),
        startMs: 1,
        durationMs: 95,
        status_code: 'OK',
      }),
      span(1, {
        name: 'answer',
        kind: 'CHAIN',
        durationMs: 812,
        status_code: 'OK',
        input: '{"q":"x"}',
        output: `"${'y'.repeat(1000)}"`,
      }),
      span(3, {
        name: 'llm',
        kind: 'LLM',
        parent_span_id: spanId(1),
        startMs: 100,
        status_code: 'ERROR',
        status_message: 'rate limited',
      }),
    ]
    const text = renderTrace(spans)
    const lines = text.split('\n')
    expect(lines[0]).toBe('- answer [CHAIN] 812 ms OK')
    expect(lines[1]).toBe('  input: {"q":"x"}')
    expect(lines[2]).toMatch(/^ {2}output: "y+… \[truncated: 702 more characters\]$/)
    expect(lines[3]).toBe('  - search [RETRIEVER] 95 ms OK')
    expect(lines[4]).toBe('  - llm [LLM] 10 ms ERROR: rate limited')
  })

  it('bounds a huge trace and says what it left out', () => {
    const spans = Array.from({ length: 5_000 }, (_, i) =>
      span(i + 1, { parent_span_id: i === 0 ? '' : spanId(i), startMs: i }),
    )
    const text = renderTrace(spans, { maxSpans: 50 })
    expect(text.split('\n')).toHaveLength(51)
    expect(text).toContain('… 4950 more spans not shown')
  })

  it('builds a tree from a deep chain without recursion limits', () => {
    const spans = Array.from({ length: 20_000 }, (_, i) =>
      span(i + 1, { parent_span_id: i === 0 ? '' : spanId(i), startMs: i }),
    )
    const roots = buildSpanTree(spans)
    expect(roots).toHaveLength(1)
  })
})
