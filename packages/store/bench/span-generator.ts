/**
 * Realistic span rows for the insert benchmark: LLM calls with chat
 * messages, retrievals and tools, attribute maps as the collector writes
 * them; 0.7-2 KB each when serialized.
 */
import { randomBytes } from 'node:crypto'
import type { SpanRow } from '@assay/core'

const QUESTIONS = [
  'Where is my order #48213? It was supposed to arrive on Tuesday and the tracking page has not changed.',
  'Can you summarise the attached contract and list every clause about termination and notice periods?',
  'Write a polite reply declining the meeting, and suggest two alternative slots next week.',
  'What is the refund policy for annual plans cancelled within the first 30 days?',
]
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'llama-3.1-70b']
const hex = (bytes: number) => randomBytes(bytes).toString('hex')

export function generateSpans(count: number, projectId = 'bench'): SpanRow[] {
  const rows: SpanRow[] = []
  let start = 1_700_000_000_000_000_000n
  while (rows.length < count) {
    const traceId = hex(16)
    const rootId = hex(8)
    const session = `sess-${rows.length % 997}`
    const question = QUESTIONS[rows.length % QUESTIONS.length]!
    const spansInTrace = Math.min(count - rows.length, 4)
    for (let i = 0; i < spansInTrace; i++) {
      start += 1_234_567n
      const model = MODELS[(rows.length + i) % MODELS.length]!
      const isLlm = i % 2 === 0
      const input = isLlm
        ? JSON.stringify([
            { role: 'system', content: 'You are a helpful support assistant for an online shop.' },
            { role: 'user', content: question },
          ])
        : JSON.stringify({ query: question.slice(0, 60), top_k: 5 })
      const output = isLlm
        ? JSON.stringify([
            { role: 'assistant', content: `Thanks for reaching out. ${question.slice(0, 80 + i * 20)}` },
          ])
        : JSON.stringify([
            { id: hex(4), score: 0.82 },
            { id: hex(4), score: 0.77 },
          ])
      rows.push({
        project_id: projectId,
        trace_id: traceId,
        span_id: i === 0 ? rootId : hex(8),
        parent_span_id: i === 0 ? '' : rootId,
        name: isLlm ? `chat ${model}` : 'retrieve documents',
        kind: isLlm ? 'LLM' : 'RETRIEVER',
        status_code: rows.length % 50 === 0 ? 'ERROR' : 'OK',
        status_message: '',
        start_time: start.toString(),
        end_time: (start + 850_000_000n).toString(),
        service_name: 'support-bot',
        scope_name: '@assay/sdk',
        model_request: isLlm ? model : '',
        model_response: isLlm ? `${model}-2024-08-06` : '',
        provider: isLlm ? 'openai' : '',
        input_tokens: isLlm ? 412 : 0,
        output_tokens: isLlm ? 96 : 0,
        cached_tokens: 0,
        reasoning_tokens: 0,
        total_tokens: isLlm ? 508 : 0,
        cost_usd: isLlm ? 0.00201 : 0,
        input,
        output,
        attributes: {
          'gen_ai.operation.name': isLlm ? 'chat' : 'retrieve',
          'gen_ai.request.model': model,
          'gen_ai.request.temperature': '0.2',
          'gen_ai.usage.input_tokens': isLlm ? '412' : '0',
          'http.url': 'https://api.example.com/v1/chat/completions',
        },
        resource_attributes: {
          'service.name': 'support-bot',
          'telemetry.sdk.language': 'nodejs',
          'host.name': 'web-3',
        },
        session_id: session,
        user_id: `user-${rows.length % 313}`,
        model_id: 'm-7',
        prompt_name: 'support',
        prompt_version: '3',
        environment: 'production',
        tags: { team: 'support' },
        metadata: { tenant: 'acme' },
      })
    }
  }
  return rows
}
