/**
 * The OpenAI instrumentation's message records, as it emits them, become
 * `gen_ai.input.messages` / `gen_ai.output.messages` on the call's span.
 */
import { context, trace } from '@opentelemetry/api'
import type { LogRecord } from '@opentelemetry/api-logs'
import { beforeEach, expect, it } from 'vitest'
import { spanContentLoggerProvider } from '../src/setup/message-content.js'
import { exporter, named } from './tracer.js'

beforeEach(() => exporter.reset())
const logger = spanContentLoggerProvider.getLogger('test')
const tracer = trace.getTracer('test')

/** Starts a span, emits `records` in its context (`'end'` ends it there), returns its attributes. */
function call(name: string, records: (Omit<LogRecord, 'context'> | 'end')[]) {
  const span = tracer.startSpan(name)
  const ctx = trace.setSpan(context.active(), span)
  for (const r of records) {
    if (r === 'end') span.end()
    else logger.emit({ ...r, context: ctx })
  }
  if (span.isRecording()) span.end()
  const a = named(name).attributes
  return {
    input: a['gen_ai.input.messages'] && JSON.parse(String(a['gen_ai.input.messages'])),
    output: a['gen_ai.output.messages'] && JSON.parse(String(a['gen_ai.output.messages'])),
  }
}

const event = (name: string, body: unknown) => ({ attributes: { 'event.name': name }, body: body as never })

it('chat completions: one record per message in, a choice out', () => {
  const { input, output } = call('chat', [
    event('gen_ai.system.message', { content: 'Be brief.' }),
    event('gen_ai.user.message', { content: 'Weather?' }),
    event('gen_ai.assistant.message', {
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }],
    }),
    event('gen_ai.tool.message', { id: 'c1', content: 'sunny' }),
    event('gen_ai.choice', { finish_reason: 'stop', index: 0, message: { content: 'Sunny.' } }),
  ])
  expect(input).toEqual([
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Weather?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }],
    },
    { role: 'tool', content: 'sunny', tool_call_id: 'c1' },
  ])
  expect(output).toEqual([{ role: 'assistant', content: 'Sunny.', finish_reason: 'stop' }])
})

it('Responses API: input and output message lists, output items added up as a stream delivers them', () => {
  const details = 'gen_ai.client.inference.operation.details'
  const item = (text: string) => ({
    role: 'assistant',
    parts: [{ type: 'text', content: text }],
    finish_reason: 'stop',
  })
  const { input, output } = call('responses', [
    { eventName: details, attributes: { 'gen_ai.input.messages': [{ role: 'user', parts: [] }] as never } },
    { eventName: details, attributes: { 'gen_ai.output.messages': [item('a')] as never } },
    { eventName: details, attributes: { 'gen_ai.output.messages': [item('b')] as never } },
  ])
  expect(input).toEqual([{ role: 'user', parts: [] }])
  expect(output).toEqual([item('a'), item('b')])
})

it('a call that fails has its input set when the span ends', () => {
  const { input, output } = call('failed', [event('gen_ai.user.message', { content: 'Hi' })])
  expect(input).toEqual([{ role: 'user', content: 'Hi' }])
  expect(output).toBeUndefined()
})

it('records outside a recording span are ignored', () => {
  const { output } = call('late', ['end', event('gen_ai.choice', { index: 0, message: { content: 'late' } })])
  expect(output).toBeUndefined()
  expect(() => logger.emit({ body: 'no context' })).not.toThrow()
})
