import { describe, expect, it } from 'vitest'
import { messagesFromEvents, normalizeLogs } from '../../src/normalize/index.js'
import { attrs, logRecord, logs, START } from './build.js'

const ctx = { projectId: 'p1', now: () => 1_700_000_000_123 }

describe('normalizeLogs', () => {
  it('keeps records of a span, with name from eventName or event.name and the body as JSON', () => {
    const out = normalizeLogs(
      logs([
        logRecord({ eventName: 'gen_ai.client.inference.operation.details', body: null }),
        logRecord({
          attributes: attrs({ 'event.name': 'gen_ai.user.message' }),
          body: attrs({ content: 'Hi', n: 1n }),
        }),
        logRecord({ body: 'plain text' }),
      ]),
      ctx,
    )
    expect(out.events.map((e) => [e.name, e.body, e.source])).toEqual([
      ['gen_ai.client.inference.operation.details', '', 'log'],
      ['gen_ai.user.message', '{"content":"Hi","n":1}', 'log'],
      ['', '"plain text"', 'log'],
    ])
    expect(out.events[1]!.attributes).toEqual({ 'event.name': 'gen_ai.user.message' })
  })

  it('ignores records of no span, rejects malformed ids alone', () => {
    const out = normalizeLogs(
      logs([
        logRecord({ traceId: '', spanId: '' }),
        logRecord({ spanId: 'xyz', eventName: 'bad' }),
        logRecord({ traceId: '0'.repeat(32) }),
        logRecord({ spanId: '' }),
        logRecord({ eventName: 'good' }),
      ]),
      ctx,
    )
    expect(out.events.map((e) => e.name)).toEqual(['good'])
    expect(out.ignored).toBe(1)
    expect(out.rejected.count).toBe(3)
    expect(out.rejected.reasons[0]).toBe(
      'resourceLogs[0].scopeLogs[0].logRecords[1] "bad": span id must be 16 hex characters, got 3',
    )
    expect(out.rejected.reasons[1]).toMatch(/trace id is all zeros/)
  })

  it('time: the record time, else the observed time, else now', () => {
    const out = normalizeLogs(
      logs([
        logRecord({ timeUnixNano: START }),
        logRecord({ timeUnixNano: '0', observedTimeUnixNano: '1767225600500000000' }),
        logRecord({ timeUnixNano: '0', observedTimeUnixNano: '0' }),
      ]),
      ctx,
    )
    expect(out.events.map((e) => e.time)).toEqual([START, '1767225600500000000', '1700000000123000000'])
  })
})

describe('normalizeLogs: records of one span sharing a timestamp', () => {
  it('spaces them 1 ns apart in arrival order, so storage keeps system before user', () => {
    const out = normalizeLogs(
      logs([
        logRecord({ eventName: 'gen_ai.system.message', body: attrs({ content: 'Be brief.' }) }),
        logRecord({ eventName: 'gen_ai.user.message', body: attrs({ content: 'Hi' }) }),
        logRecord({ eventName: 'other span', spanId: '00000000000000bb' }),
        logRecord({ eventName: 'gen_ai.choice', timeUnixNano: String(BigInt(START) + 5_000_000n) }),
      ]),
      ctx,
    )
    expect(out.events.map((e) => e.time)).toEqual([
      START,
      String(BigInt(START) + 1n),
      START,
      String(BigInt(START) + 5_000_000n),
    ])
    // Whatever order storage returns them in, sorting by time restores the conversation.
    const shuffled = [...out.events.slice(0, 2)].reverse()
    expect(messagesFromEvents(shuffled).input).toBe(
      JSON.stringify([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ]),
    )
  })
})
