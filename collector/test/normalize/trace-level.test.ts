import { describe, expect, it } from 'vitest'
import { normalizeTraces } from '../../src/normalize/index.js'
import { attrs, START, span, traces } from './build.js'

describe('trace-level propagation', () => {
  it('session, user, LoggedModel id, environment and tags reach every span of the trace; prompt stays per span', () => {
    const root = span({
      name: 'root',
      attributes: attrs({
        'assay.session.id': 's1',
        'assay.model.id': 'm1',
        'assay.tags': ['root-tag'],
        'assay.prompt.name': 'p',
      }),
    })
    const child = span({
      name: 'child',
      parentSpanId: root.spanId,
      attributes: attrs({ 'user.id': 'u1', 'assay.environment': 'prod' }),
    })
    const own = span({
      name: 'own',
      attributes: attrs({ 'assay.session.id': 's-own', 'assay.tags': '{"root-tag":"mine"}' }),
    })
    const other = span({ name: 'other', traceId: 'f'.repeat(32) })
    const out = normalizeTraces(traces([child, root, own, other]), { projectId: 'p' })
    const by = Object.fromEntries(out.spans.map((s) => [s.name, s]))
    for (const name of ['root', 'child']) {
      expect(by[name]).toMatchObject({
        session_id: 's1',
        user_id: 'u1',
        model_id: 'm1',
        environment: 'prod',
        tags: { 'root-tag': '' },
      })
    }
    expect(by.child!.prompt_name).toBe('')
    expect(by.own).toMatchObject({ session_id: 's-own', tags: { 'root-tag': 'mine' } })
    expect(by.other).toMatchObject({ session_id: '', user_id: '', tags: {} })
  })
})

describe('errors', () => {
  it('an exception event fills an empty status message', () => {
    const s = span({
      status: { code: 2, message: '' },
      events: [
        {
          timeUnixNano: START,
          name: 'exception',
          attributes: attrs({ 'exception.type': 'TimeoutError', 'exception.message': 'took too long' }),
        },
      ],
    })
    const row = normalizeTraces(traces([s]), { projectId: 'p' }).spans[0]!
    expect(row).toMatchObject({ status_code: 'ERROR', status_message: 'TimeoutError: took too long' })
  })

  it('an explicit message wins; an OK span keeps an empty message; the code is never raised by an event', () => {
    const event = {
      timeUnixNano: START,
      name: 'exception',
      attributes: attrs({ 'exception.message': 'handled' }),
    }
    const out = normalizeTraces(
      traces([
        span({ name: 'explicit', status: { code: 2, message: 'explicit' }, events: [event] }),
        span({ name: 'ok', status: { code: 1, message: '' }, events: [event] }),
        span({ name: 'unset', events: [event] }),
      ]),
      { projectId: 'p' },
    )
    expect(out.spans.map((s) => [s.name, s.status_code, s.status_message])).toEqual([
      ['explicit', 'ERROR', 'explicit'],
      ['ok', 'OK', ''],
      ['unset', 'UNSET', 'handled'],
    ])
  })
})
