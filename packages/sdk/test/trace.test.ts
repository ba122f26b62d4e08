import { SpanStatusCode } from '@opentelemetry/api'
import { beforeEach, describe, expect, it } from 'vitest'
import { currentTraceId, setTraceAttributes, trace, withSpan } from '../src/index.js'
import { exporter, finished, named } from './tracer.js'

beforeEach(() => exporter.reset())
const attr = (name: string, key: string) => named(name).attributes[key]

describe('trace()', () => {
  it('wraps a sync function: one argument as input, the result as output, this kept', () => {
    const obj = {
      factor: 3,
      times: trace(function times(this: { factor: number }, n: number) {
        return n * this.factor
      }),
    }
    expect(obj.times(2)).toBe(6)
    expect(attr('times', 'assay.input')).toBe('2')
    expect(attr('times', 'assay.output')).toBe('6')
    expect(attr('times', 'assay.span.kind')).toBe('CHAIN')
  })

  it('records several arguments as a list, and a name and kind from options', () => {
    const add = trace((a: number, b: number) => a + b, { name: 'add', kind: 'tool' })
    add(1, 2)
    expect(attr('add', 'assay.input')).toBe('[1,2]')
    expect(attr('add', 'assay.span.kind')).toBe('TOOL')
  })

  it('ends an async span when the promise settles, nesting children under it', async () => {
    const inner = trace(async (x: string) => x.toUpperCase(), { name: 'inner' })
    const outer = trace(async (x: string) => `${await inner(x)}!`, { name: 'outer' })
    await expect(outer('hi')).resolves.toBe('HI!')
    expect(named('inner').parentSpanContext?.spanId).toBe(named('outer').spanContext().spanId)
    expect(attr('outer', 'assay.output')).toBe('"HI!"')
  })

  it('records thrown errors and rejections as error status, and rethrows them', async () => {
    const sync = trace(
      () => {
        throw new Error('sync boom')
      },
      { name: 'sync' },
    )
    expect(() => sync()).toThrow('sync boom')
    const failing = trace(async () => Promise.reject(new Error('async boom')), { name: 'async' })
    await expect(failing()).rejects.toThrow('async boom')
    for (const name of ['sync', 'async']) {
      expect(named(name).status.code).toBe(SpanStatusCode.ERROR)
      expect(named(name).events[0]?.name).toBe('exception')
    }
  })

  it('traces an async generator until it finishes, with the yielded items as output', async () => {
    const gen = trace(async function* count(n: number) {
      for (let i = 0; i < n; i++) yield i
    })
    const seen: number[] = []
    for await (const i of gen(3)) {
      expect(finished()).toHaveLength(0) // still open while iterating
      seen.push(i)
    }
    expect(seen).toEqual([0, 1, 2])
    expect(attr('count', 'assay.output')).toBe('[0,1,2]')
  })

  it('ends a generator span when the consumer stops early', async () => {
    const gen = trace(async function* forever() {
      for (let i = 0; ; i++) yield i
    })
    for await (const i of gen()) if (i === 1) break
    expect(attr('forever', 'assay.output')).toBe('[0,1]')
  })

  it('records a retriever result as documents', async () => {
    const retrieve = trace(
      async () => [{ id: 7, pageContent: 'text', score: 0.5, metadata: { s: 1 } }, 'plain'],
      {
        name: 'retrieve',
        kind: 'RETRIEVER',
      },
    )
    await retrieve()
    expect(JSON.parse(attr('retrieve', 'assay.output') as string)).toEqual([
      { id: '7', content: 'text', score: 0.5, metadata: { s: 1 } },
      { id: '1', content: 'plain', score: null, metadata: {} },
    ])
  })

  it('can leave inputs and outputs out', () => {
    trace((secret: string) => secret, { name: 'private', captureInput: false, captureOutput: false })('pw')
    expect(attr('private', 'assay.input')).toBeUndefined()
    expect(attr('private', 'assay.output')).toBeUndefined()
  })
})

describe('withSpan and trace attributes', () => {
  it('runs a block as a span and stamps trace attributes on later spans of the trace', async () => {
    let traceId: string | undefined
    await withSpan(
      'request',
      async () => {
        traceId = currentTraceId()
        setTraceAttributes({ sessionId: 's1', userId: 'u1', tags: ['a'], metadata: { plan: 'pro' } })
        trace(() => 1, { name: 'later' })()
      },
      { kind: 'AGENT', input: { q: 1 } },
    )
    expect(named('request').spanContext().traceId).toBe(traceId)
    expect(attr('request', 'assay.input')).toBe('{"q":1}')
    for (const name of ['request', 'later']) {
      expect(attr(name, 'assay.session.id')).toBe('s1')
      expect(attr(name, 'assay.user.id')).toBe('u1')
      expect(attr(name, 'assay.metadata.plan')).toBe('pro')
    }
    expect(setTraceAttributes({ sessionId: 'none' })).toBe(false) // no active span
  })
})
