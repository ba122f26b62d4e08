/** Row builders for ClickHouse store tests: valid rows with every column set, overridable per test. */
import { randomBytes } from 'node:crypto'
import type { Assessment, SpanEventRow, SpanRow } from '@assay/core'

export const traceId = (): string => randomBytes(16).toString('hex')
export const spanId = (): string => randomBytes(8).toString('hex')

/** 2023-11-14T22:13:20Z plus `offsetNs`, as a nanosecond string. */
export function ns(offsetNs: bigint | number = 0): string {
  return (1_700_000_000_000_000_000n + BigInt(offsetNs)).toString()
}

export const SECOND = 1_000_000_000n

export function span(overrides: Partial<SpanRow> & Pick<SpanRow, 'project_id' | 'trace_id'>): SpanRow {
  return {
    span_id: spanId(),
    parent_span_id: '',
    name: 'chat gpt-4o',
    kind: 'LLM',
    status_code: 'OK',
    status_message: '',
    start_time: ns(123_456_789),
    end_time: ns(2n * SECOND + 987_654_321n),
    service_name: 'checkout-bot',
    scope_name: '@assay/sdk',
    model_request: 'gpt-4o',
    model_response: 'gpt-4o-2024-08-06',
    provider: 'openai',
    input_tokens: 120,
    output_tokens: 30,
    cached_tokens: 0,
    reasoning_tokens: 0,
    total_tokens: 150,
    cost_usd: 0.00123,
    input: JSON.stringify([{ role: 'user', content: 'Where is my order?' }]),
    output: JSON.stringify([{ role: 'assistant', content: 'It ships today.' }]),
    attributes: { 'gen_ai.request.model': 'gpt-4o', 'gen_ai.request.temperature': '0.2' },
    resource_attributes: { 'service.name': 'checkout-bot' },
    session_id: 'session-1',
    user_id: 'user-1',
    model_id: 'm-1',
    prompt_name: 'support',
    prompt_version: '3',
    environment: 'production',
    tags: { team: 'support' },
    metadata: { tenant: 'acme' },
    ...overrides,
  }
}

export function spanEvent(
  overrides: Partial<SpanEventRow> & Pick<SpanEventRow, 'project_id' | 'trace_id' | 'span_id'>,
): SpanEventRow {
  return {
    time: ns(500_000_001),
    name: 'gen_ai.user.message',
    source: 'span_event',
    attributes: { 'gen_ai.system': 'openai' },
    body: '',
    ...overrides,
  }
}

export function assessment(
  overrides: Partial<Assessment> & Pick<Assessment, 'project_id' | 'trace_id'>,
): Assessment {
  return {
    assessment_id: `a-${randomBytes(6).toString('hex')}`,
    span_id: '',
    type: 'feedback',
    name: 'correctness',
    value: 0.75,
    rationale: 'mostly right',
    source_type: 'LLM_JUDGE',
    source_id: 'correctness@1',
    run_id: '',
    overrides: '',
    valid: true,
    error: '',
    metadata: {},
    created_at: 1_700_000_000_123,
    ...overrides,
  }
}
