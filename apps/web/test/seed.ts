/**
 * Realistic data for the browser tests: every real-client OTLP capture in
 * collector/test/fixtures/otlp (sent as it was: content type, gzip), the
 * SDK's example app run against the project's OpenAI-compatible test
 * server, and a few traces of our own (a multi-turn support session,
 * a day of traffic for the charts, span content that is hostile HTML).
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { startLlmTestServer } from '@assay/llm-test-server'
import { hex, otlpExport, otlpSpan, postOtlp, type TestSpan } from './otlp'

const repo = path.resolve(import.meta.dirname, '../../..')
const fixtures = path.join(repo, 'collector/test/fixtures/otlp')

async function api<T>(url: string, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}/api${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`)
  return (res.status === 204 ? undefined : await res.json()) as T
}

/** Replays every captured export of traces and logs, byte for byte as the library sent it. */
export async function seedFixtures(url: string): Promise<number> {
  let sent = 0
  for (const client of readdirSync(fixtures).filter((d) => !d.includes('.'))) {
    const dir = path.join(fixtures, client)
    const metas = readdirSync(dir)
      .filter((f) => f.endsWith('.meta.json'))
      .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')))
      .filter((m) => m.signal === 'traces' || m.signal === 'logs')
    for (const m of metas) {
      const raw = readFileSync(path.join(dir, m.bodyFile))
      const body = m.contentEncoding === 'gzip' ? gzipSync(raw) : raw
      const headers: Record<string, string> = { 'content-type': m.contentType }
      if (m.contentEncoding === 'gzip') headers['content-encoding'] = 'gzip'
      const res = await fetch(`${url}${m.path}`, { method: 'POST', headers, body })
      if (!res.ok) throw new Error(`${client}/${m.bodyFile}: ${res.status} ${await res.text()}`)
      sent++
    }
  }
  return sent
}

/** Runs examples/rag-app (retriever, streamed answer, tool call, failing call) with the SDK's one import. */
export async function seedExampleApp(
  url: string,
): Promise<{ answer: string; agent: string; failing: string }> {
  const llm = await startLlmTestServer()
  try {
    await api(url, 'POST', '/prompts', { name: 'rag-answer' })
    const v = await api<{ version: number }>(url, 'POST', '/prompts/rag-answer/versions', {
      template: {
        type: 'chat',
        messages: [
          { role: 'system', content: 'Answer from the context.\n{{context}}' },
          { role: 'user', content: '{{question}}' },
        ],
      },
    })
    await api(url, 'PUT', '/prompts/rag-answer/aliases/production', { version: v.version })
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['src/app.mjs'], {
        cwd: path.join(repo, 'examples/rag-app'),
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          NODE_ENV: 'test',
          ASSAY_URL: url,
          OPENAI_BASE_URL: llm.url,
          OPENAI_API_KEY: 'test-key',
        },
      })
      let out = ''
      child.stdout.on('data', (d) => (out += d))
      child.stderr.on('data', (d) => (out += d))
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
      child.on('exit', (code) => {
        clearTimeout(timer)
        if (code === 0) resolve(out)
        else reject(new Error(`rag-app exited with ${code}\n${out}`))
      })
    })
    const line = /^RESULT (.*)$/m.exec(stdout)
    if (!line) throw new Error(`rag-app printed no RESULT\n${stdout}`)
    const r = JSON.parse(line[1]!)
    return { answer: r.answer.traceId, agent: r.agent.traceId, failing: r.failing.traceId }
  } finally {
    await llm.close()
  }
}

const QUESTIONS: [string, string][] = [
  [
    'How do I reset my password?',
    'Open Settings → Security and choose "Reset password". A link arrives by email within a minute.',
  ],
  [
    'The link expired, what now?',
    'Links last 30 minutes. Request a new one from the same page; the old one stops working.',
  ],
  [
    'Can I change the email it goes to?',
    'Yes: Settings → Profile → Email. You will confirm the new address first.',
  ],
  [
    'Thanks! And how do I enable 2FA?',
    'Settings → Security → Two-factor authentication. Scan the QR code with an authenticator app.',
  ],
]

function llmAttrs(
  model: string,
  messages: { role: string; content: string }[],
  answer: string,
  tokens: [number, number],
) {
  const a: Record<string, string | number> = {
    'llm.model_name': model,
    'llm.provider': model.startsWith('claude') ? 'anthropic' : 'openai',
    'llm.token_count.prompt': tokens[0],
    'llm.token_count.completion': tokens[1],
    'llm.token_count.total': tokens[0] + tokens[1],
  }
  messages.forEach((m, i) => {
    a[`llm.input_messages.${i}.message.role`] = m.role
    a[`llm.input_messages.${i}.message.content`] = m.content
  })
  a['llm.output_messages.0.message.role'] = 'assistant'
  a['llm.output_messages.0.message.content'] = answer
  return a
}

/** One support conversation: four turns, each retrieve → answer, one with a failing tool. */
export async function seedSession(url: string, sessionId = 'support-42'): Promise<string[]> {
  const ids: string[] = []
  const start = Date.now() - 40 * 60_000
  const spans = QUESTIONS.flatMap(([q, a], turn) => {
    const traceId = hex(16)
    ids.push(traceId)
    const t0 = start + turn * 5 * 60_000
    const root = hex(8)
    const common = { 'session.id': sessionId, 'user.id': 'user-7' }
    const list: TestSpan[] = [
      {
        spanId: root,
        name: 'support-agent',
        kind: 'AGENT',
        startMs: t0,
        durationMs: 2400 + turn * 300,
        input: q,
        output: a,
        attributes: common,
      },
      {
        parentId: root,
        name: 'search-kb',
        kind: 'RETRIEVER',
        startMs: t0 + 20,
        durationMs: 180,
        input: q,
        attributes: {
          ...common,
          'retrieval.documents.0.document.id': 'kb-112',
          'retrieval.documents.0.document.content':
            'Passwords are reset from Settings → Security. Reset links expire after 30 minutes.',
          'retrieval.documents.0.document.score': 0.91,
          'retrieval.documents.1.document.id': 'kb-087',
          'retrieval.documents.1.document.content':
            'Two-factor authentication supports TOTP apps and hardware keys.',
          'retrieval.documents.1.document.score': 0.64,
        },
      },
      {
        parentId: root,
        name: 'chat gpt-4o',
        kind: 'LLM',
        startMs: t0 + 220,
        durationMs: 2100 + turn * 300,
        attributes: {
          ...common,
          ...llmAttrs(
            'gpt-4o',
            [
              {
                role: 'system',
                content: 'You are the support assistant for Acme. Answer from the knowledge base.',
              },
              { role: 'user', content: q },
            ],
            a,
            [420 + turn * 60, 48 + turn * 5],
          ),
        },
      },
    ]
    if (turn === 1)
      list.push({
        parentId: root,
        name: 'lookup_account',
        kind: 'TOOL',
        startMs: t0 + 2000,
        durationMs: 90,
        input: { user: 'user-7' },
        error: 'account service timed out after 80 ms',
        attributes: common,
      })
    return list.map((s) => otlpSpan(traceId, s))
  })
  await postOtlp(url, otlpExport('support-bot', spans))
  return ids
}

/** A day of traffic on two models, with a few errors, so the overview's charts have a shape. */
export async function seedTraffic(url: string, count = 60): Promise<void> {
  const now = Date.now()
  const spans = Array.from({ length: count }, (_, i) => {
    const traceId = hex(16)
    const t0 = now - (i / count) * 22 * 3_600_000 - 60_000
    const model = i % 3 === 0 ? 'claude-3-5-sonnet' : 'gpt-4o-mini'
    const root = hex(8)
    const failed = i % 11 === 5
    const dur = 600 + ((i * 397) % 2400)
    return [
      otlpSpan(traceId, {
        spanId: root,
        name: 'summarize',
        kind: 'CHAIN',
        startMs: t0,
        durationMs: dur,
        input: `Summarize ticket #${1000 + i}`,
        output: failed ? undefined : `Ticket ${1000 + i}: customer asks about billing.`,
        error: failed ? 'upstream 503' : undefined,
      }),
      otlpSpan(traceId, {
        parentId: root,
        name: `chat ${model}`,
        kind: 'LLM',
        startMs: t0 + 10,
        durationMs: dur - 20,
        error: failed ? 'upstream 503' : undefined,
        attributes: llmAttrs(
          model,
          [{ role: 'user', content: `Summarize ticket #${1000 + i}` }],
          failed ? '' : 'Billing question.',
          [300 + (i % 7) * 40, 40 + (i % 5) * 10],
        ),
      }),
    ]
  }).flat()
  await postOtlp(url, otlpExport('summarizer', spans))
}

export const XSS_SCRIPT = '<script>window.__xss = "script"</script>'
export const XSS_IMG = '<img src=x onerror="window.__xss = \'img\'">'

/** Span content that is HTML, everywhere it can be: names, messages, attributes, outputs. */
export async function seedHostile(url: string): Promise<string> {
  const traceId = hex(16)
  const root = hex(8)
  const t0 = Date.now() - 5 * 60_000
  await postOtlp(
    url,
    otlpExport('hostile', [
      otlpSpan(traceId, {
        spanId: root,
        name: `answer ${XSS_IMG}`,
        kind: 'CHAIN',
        startMs: t0,
        durationMs: 900,
        input: `Hi ${XSS_SCRIPT}`,
        output: { html: XSS_IMG },
      }),
      otlpSpan(traceId, {
        parentId: root,
        name: 'chat gpt-4o',
        kind: 'LLM',
        startMs: t0 + 10,
        durationMs: 850,
        attributes: {
          ...llmAttrs('gpt-4o', [{ role: 'user', content: XSS_SCRIPT }], XSS_IMG, [10, 10]),
          'custom.html': XSS_IMG,
        },
      }),
    ]),
  )
  return traceId
}

/** Human and judge assessments on a few traces, for the assessment columns and chart. */
export async function seedAssessments(url: string, traceIds: string[]): Promise<void> {
  for (const [i, id] of traceIds.entries()) {
    await api(url, 'POST', `/traces/${id}/assessments`, {
      name: 'correctness',
      value: i % 4 !== 1,
      rationale: 'Matches the knowledge base.',
      source: { type: 'LLM_JUDGE', id: 'correctness/v1' },
    })
    await api(url, 'POST', `/traces/${id}/assessments`, {
      name: 'relevance',
      value: 0.6 + (i % 4) * 0.1,
      source: { type: 'CODE', id: 'relevance' },
    })
  }
}

export interface Seeded {
  session: string[]
  app: { answer: string; agent: string; failing: string }
  hostile: string
}

export async function seedAll(url: string): Promise<Seeded> {
  await seedFixtures(url)
  const app = await seedExampleApp(url)
  const session = await seedSession(url)
  await seedTraffic(url)
  const hostile = await seedHostile(url)
  await seedAssessments(url, session)
  return { session, app, hostile }
}
