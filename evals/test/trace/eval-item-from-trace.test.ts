import { describe, expect, it } from 'vitest'
import { evalItemFromTrace } from '../../src/index.js'
import { span, spanId, TRACE_ID } from '../support/spans.js'

describe('evalItemFromTrace', () => {
  it('reads the root span, retriever documents, latency and cost', () => {
    const spans = [
      span(3, {
        parent_span_id: spanId(1),
        kind: 'LLM',
        startMs: 60,
        durationMs: 200,
        cost_usd: 0.002,
        output: JSON.stringify([{ role: 'assistant', content: 'Paris' }]),
      }),
      span(1, {
        name: 'answer',
        kind: 'CHAIN',
        durationMs: 812.5,
        input: JSON.stringify({ question: 'Capital of France?' }),
        output: JSON.stringify('Paris'),
      }),
      span(2, {
        parent_span_id: spanId(1),
        kind: 'RETRIEVER',
        startMs: 5,
        cost_usd: 0.0001,
        output: JSON.stringify([
          { id: 'doc-1', content: 'Paris is the capital of France.', score: 0.9, metadata: {} },
          { id: '', content: 'France is in Europe.', score: null, metadata: { source: 'wiki' } },
        ]),
      }),
    ]
    const item = evalItemFromTrace({ traceId: TRACE_ID, spans })
    expect(item.inputs).toEqual({ question: 'Capital of France?' })
    expect(item.outputs).toBe('Paris')
    expect(item.context).toEqual([
      { id: 'doc-1', content: 'Paris is the capital of France.', score: 0.9 },
      { content: 'France is in Europe.', metadata: { source: 'wiki' } },
    ])
    expect(item.latencyMs).toBe(812.5)
    expect(item.costUsd).toBeCloseTo(0.0021, 10)
    expect(item.trace?.spans).toHaveLength(3)
    expect(item.expectations).toBeUndefined()
  })

  it('keeps text that is not JSON as a string and absent values as undefined', () => {
    const item = evalItemFromTrace({
      traceId: TRACE_ID,
      spans: [span(1, { input: 'plain words', output: '' })],
    })
    expect(item.inputs).toBe('plain words')
    expect(item.outputs).toBeUndefined()
    expect(item.context).toBeUndefined()
  })

  it('reads other retriever shapes: page_content, bare strings, { documents }', () => {
    const spans = [
      span(1),
      span(2, {
        parent_span_id: spanId(1),
        kind: 'RETRIEVER',
        output: JSON.stringify({ documents: [{ page_content: 'A', metadata: { id: 7 } }, 'B', 42] }),
      }),
    ]
    expect(evalItemFromTrace({ traceId: TRACE_ID, spans }).context).toEqual([
      { content: 'A', metadata: { id: 7 } },
      { content: 'B' },
    ])
  })

  it('picks a root in an incomplete trace and survives a parent cycle', () => {
    const orphan = span(5, { parent_span_id: spanId(99), input: '"from orphan"', durationMs: 30 })
    expect(evalItemFromTrace({ traceId: TRACE_ID, spans: [orphan] }).inputs).toBe('from orphan')
    const cyclic = [
      span(1, { parent_span_id: spanId(2) }),
      span(2, { parent_span_id: spanId(1), startMs: 1 }),
    ]
    const item = evalItemFromTrace({ traceId: TRACE_ID, spans: cyclic })
    expect(item.latencyMs).toBe(10)
  })

  it('does not count evaluator spans as the application cost', () => {
    const spans = [
      span(1, { cost_usd: 0.01 }),
      span(2, { parent_span_id: spanId(1), kind: 'EVALUATOR', cost_usd: 5 }),
    ]
    expect(evalItemFromTrace({ traceId: TRACE_ID, spans }).costUsd).toBe(0.01)
  })

  it('gives an empty item for a trace without spans', () => {
    expect(evalItemFromTrace({ traceId: TRACE_ID, spans: [] })).toEqual({
      inputs: undefined,
      outputs: undefined,
      trace: { traceId: TRACE_ID, spans: [] },
    })
  })
})
