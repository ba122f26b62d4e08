/**
 * Realistic data for the models, prompts, evaluations, annotation and
 * dataset views, all through the API and OTLP as a user's app would send
 * it: three versions of a support bot (LoggedModels with params and git),
 * their traces, a prompt with three versions and two aliases, a dataset of
 * support questions, two evaluation runs on it (a judge's verdicts with
 * rationales, failures included, and a string-similarity scorer), human labels
 * on some of the same traces (for calibration), and an annotation queue of
 * 20 traces with four label schemas.
 */
import type { Page } from 'playwright-core'
import { type AssayProcess, startAssay } from './assay-process'
import { launch, type TestBrowser } from './browser'
import { hex, otlpExport, otlpSpan, postOtlp } from './otlp'

export async function call<T>(url: string, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}/api${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`)
  return (res.status === 204 ? undefined : await res.json()) as T
}

export const QA: [string, string][] = [
  ['How do I reset my password?', 'Settings → Security → Reset password; the link arrives by email.'],
  ['How long does a reset link last?', 'Reset links expire after 30 minutes.'],
  ['Can I change my login email?', 'Yes: Settings → Profile → Email, confirmed from the new address.'],
  [
    'How do I turn on two-factor authentication?',
    'Settings → Security → Two-factor authentication, then scan the QR code.',
  ],
  ['Which 2FA methods are supported?', 'Authenticator apps (TOTP) and hardware security keys.'],
  ['How do I download an invoice?', 'Billing → Invoices, then the download icon beside the month.'],
  ['Can I pay by bank transfer?', 'Yes, on annual plans; ask billing for the transfer details.'],
  ['How do I cancel my subscription?', 'Billing → Plan → Cancel; access lasts until the period ends.'],
  ['Do you offer refunds?', 'Within 14 days of purchase, on request to billing.'],
  ['How do I invite a teammate?', 'Team → Invite, enter their email and pick a role.'],
  ['What roles are there?', 'Owner, admin, member and viewer.'],
  ['How do I export my data?', 'Settings → Data → Export; a ZIP arrives by email within an hour.'],
]

/** What the candidate model gets wrong (item index -> wrong answer); the baseline fails others. */
const WRONG_CANDIDATE: Record<number, string> = {
  1: 'Reset links never expire.',
  6: 'We only accept credit cards.',
  8: 'We do not offer refunds.',
}
const WRONG_BASELINE: Record<number, string> = {
  4: 'Only SMS codes are supported.',
  6: 'We only accept credit cards.',
  10: 'There is only one role.',
  11: 'Data export is not available.',
}

export interface Part2Seed {
  models: { id: string; name: string }[]
  prompt: string
  datasetId: string
  itemIds: string[]
  runs: { baseline: string; candidate: string }
  failing: { runId: string; traceId: string; question: string; rationale: string }
  queueId: string
  queueTraces: string[]
  traceIds: string[]
}

function llm(
  model: string,
  q: string,
  a: string,
  promptVersion?: number,
  extra: Record<string, string | number> = {},
) {
  return {
    'llm.model_name': model,
    'llm.provider': 'openai',
    'llm.token_count.prompt': 380 + q.length,
    'llm.token_count.completion': 20 + Math.round(a.length / 4),
    'llm.token_count.total': 400 + q.length + Math.round(a.length / 4),
    'llm.input_messages.0.message.role': 'system',
    'llm.input_messages.0.message.content':
      'You are the support assistant for Acme. Answer from the knowledge base.',
    'llm.input_messages.1.message.role': 'user',
    'llm.input_messages.1.message.content': q,
    'llm.output_messages.0.message.role': 'assistant',
    'llm.output_messages.0.message.content': a,
    ...(promptVersion
      ? { 'assay.prompt.name': 'support-answer', 'assay.prompt.version': String(promptVersion) }
      : {}),
    ...extra,
  }
}

/** One support-bot trace (agent -> retriever + LLM) per question, stamped with the model and prompt version. */
async function sendTraces(
  url: string,
  opts: {
    modelId: string
    llmModel: string
    promptVersion: number
    baseMs: number
    slow: number
    answers: string[]
    evalRun?: string
    itemIds?: string[]
  },
): Promise<string[]> {
  const ids: string[] = []
  const spans = QA.flatMap(([q], i) => {
    const traceId = hex(16)
    ids.push(traceId)
    const root = hex(8)
    const t0 = Date.now() - opts.baseMs - i * 61_000
    const dur = 900 + opts.slow + ((i * 137) % 700)
    const meta: Record<string, string> = { 'assay.model.id': opts.modelId }
    if (opts.evalRun) {
      meta['assay.metadata.eval_run_id'] = opts.evalRun
      meta['assay.metadata.eval_item'] = opts.itemIds![i]!
    }
    const a = opts.answers[i]!
    return [
      otlpSpan(traceId, {
        spanId: root,
        name: 'support-agent',
        kind: 'AGENT',
        startMs: t0,
        durationMs: dur,
        input: { question: q },
        output: a,
        attributes: meta,
      }),
      otlpSpan(traceId, {
        parentId: root,
        name: 'search-kb',
        kind: 'RETRIEVER',
        startMs: t0 + 10,
        durationMs: 120,
        input: q,
        attributes: {
          ...meta,
          'retrieval.documents.0.document.id': `kb-${100 + i}`,
          'retrieval.documents.0.document.content': QA[i]![1],
        },
      }),
      otlpSpan(traceId, {
        parentId: root,
        name: `chat ${opts.llmModel}`,
        kind: 'LLM',
        startMs: t0 + 140,
        durationMs: dur - 160,
        attributes: llm(opts.llmModel, q, a, opts.promptVersion, meta),
      }),
    ]
  })
  await postOtlp(url, otlpExport('support-bot', spans))
  return ids
}

/** Waits until the API lists every trace (ingestion is asynchronous). */
export async function waitForTraces(url: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    for (let i = 0; ; i++) {
      const res = await fetch(`${url}/api/traces/${id}`)
      if (res.ok) break
      if (i > 100) throw new Error(`trace ${id} never arrived`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

async function seedModels(url: string) {
  const specs = [
    {
      name: 'support-bot',
      params: { llm: 'gpt-4o-mini', temperature: 0.7, top_k: 3, reranker: false },
      git: { commit: '9f2c1e7a4b5d6c8e9f0a1b2c3d4e5f60718293a4', branch: 'main', dirty: false },
    },
    {
      name: 'support-bot',
      params: { llm: 'gpt-4o', temperature: 0.2, top_k: 5, reranker: true },
      git: { commit: 'c41d8a09e7f6b5a4c3d2e1f0a9b8c7d6e5f4a3b2', branch: 'rerank', dirty: true },
    },
    {
      name: 'support-bot-lite',
      params: { llm: 'gpt-4o-mini', temperature: 0, top_k: 2, reranker: false },
      git: { commit: '0b7e3f1c2d4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c', branch: 'lite', dirty: false },
    },
  ]
  const models: { id: string; name: string }[] = []
  for (const s of specs) models.push(await call(url, 'POST', '/models', { ...s, tags: { team: 'support' } }))
  return models
}

async function seedPrompt(url: string) {
  await call(url, 'POST', '/prompts', {
    name: 'support-answer',
    description: 'The answer step of the support bot',
  })
  const system = (extra: string) =>
    `You are the support assistant for {{company}}.\nAnswer from the knowledge base only.${extra}\n\nKnowledge base:\n{{context}}`
  const versions = [
    {
      messages: [
        { role: 'system', content: system('') },
        { role: 'user', content: '{{question}}' },
      ],
      modelConfig: { model: 'gpt-4o-mini', temperature: 0.7 },
      commitMessage: 'First version',
    },
    {
      messages: [
        { role: 'system', content: system('\nIf the answer is not in the knowledge base, say so.') },
        { type: 'placeholder', name: 'history' },
        { role: 'user', content: '{{question}}' },
      ],
      modelConfig: { model: 'gpt-4o', temperature: 0.2, maxTokens: 400 },
      commitMessage: 'Say when the answer is unknown; keep the conversation',
    },
    {
      messages: [
        {
          role: 'system',
          content: system('\nIf the answer is not in the knowledge base, say so.\nReply in {{language}}.'),
        },
        { type: 'placeholder', name: 'history' },
        { role: 'user', content: '{{question}}' },
      ],
      modelConfig: { model: 'gpt-4o', temperature: 0.2, maxTokens: 400 },
      commitMessage: 'Answer in the customer’s language',
    },
  ]
  for (const v of versions) {
    await call(url, 'POST', '/prompts/support-answer/versions', {
      template: { type: 'chat', messages: v.messages },
      modelConfig: v.modelConfig,
      commitMessage: v.commitMessage,
      author: 'maria',
    })
  }
  await call(url, 'PUT', '/prompts/support-answer/aliases/production', { version: 1 })
  await call(url, 'PUT', '/prompts/support-answer/aliases/staging', { version: 2 })
  return 'support-answer'
}

async function seedDataset(url: string) {
  const d = await call<{ id: string }>(url, 'POST', '/datasets', {
    name: 'support-qa',
    description: 'Support questions with the answers the knowledge base gives',
  })
  await call(url, 'POST', `/datasets/${d.id}/items`, {
    items: QA.map(([q, a], i) => ({
      inputs: { question: q },
      expectations: { answer: a },
      metadata: { topic: i < 5 ? 'account' : i < 9 ? 'billing' : 'team' },
    })),
  })
  const items = await call<{ items: { id: string }[] }>(url, 'GET', `/datasets/${d.id}/items?limit=100`)
  return { datasetId: d.id, itemIds: items.items.map((i) => i.id) }
}

function judgeRationale(i: number, wrong: string | undefined): string {
  const [q, a] = QA[i]!
  return wrong
    ? `The question was "${q}". The expected answer says: "${a}" The response claims "${wrong}", which contradicts the knowledge base, so it is incorrect.`
    : `The response gives the same facts as the expected answer ("${a}") without adding claims the knowledge base does not support.`
}

async function seedRun(
  url: string,
  name: string,
  modelId: string,
  datasetId: string,
  itemIds: string[],
  wrong: Record<number, string>,
  baseMs: number,
  llmModel: string,
  promptVersion: number,
) {
  const run = await call<{ id: string }>(url, 'POST', '/runs', {
    name,
    datasetId,
    loggedModelId: modelId,
    status: 'running',
    config: { concurrency: 4 },
  })
  const answers = QA.map(([, a], i) => wrong[i] ?? a)
  const traces = await sendTraces(url, {
    modelId,
    llmModel,
    promptVersion,
    baseMs,
    slow: llmModel === 'gpt-4o' ? 700 : 0,
    answers,
    evalRun: run.id,
    itemIds,
  })
  await waitForTraces(url, traces)
  for (const [i, traceId] of traces.entries()) {
    const passed = wrong[i] === undefined
    await call(url, 'POST', `/traces/${traceId}/assessments`, {
      name: 'correctness',
      value: passed,
      rationale: judgeRationale(i, wrong[i]),
      source: { type: 'LLM_JUDGE', id: 'correctness/v2 (gpt-4o)' },
      run_id: run.id,
      metadata: { passed: String(passed) },
    })
    const similarity = passed ? 0.64 + ((i * 7) % 30) / 100 : 0.18 + ((i * 5) % 20) / 100
    await call(url, 'POST', `/traces/${traceId}/assessments`, {
      name: 'similarity',
      value: similarity,
      rationale: `Token overlap with the expected answer: ${similarity.toFixed(2)} (threshold 0.6).`,
      source: { type: 'CODE', id: 'string_similarity' },
      run_id: run.id,
      metadata: { passed: String(similarity >= 0.6) },
    })
    const score = passed ? 0.82 + (i % 4) * 0.05 : 0.35 + (i % 3) * 0.1
    await call(url, 'POST', `/traces/${traceId}/assessments`, {
      name: 'relevance',
      value: Math.round(score * 100) / 100,
      rationale: passed ? 'Answers the question asked.' : 'Partly related, but the key fact is wrong.',
      source: { type: 'LLM_JUDGE', id: 'relevance/v1 (gpt-4o-mini)' },
      run_id: run.id,
      metadata: { passed: String(score >= 0.5) },
    })
  }
  const n = QA.length
  const failed = Object.keys(wrong).length
  await call(url, 'PATCH', `/runs/${run.id}`, {
    status: 'completed',
    summary: {
      itemCount: n,
      scorers: {
        correctness: { count: n, errorCount: 0, mean: (n - failed) / n, passRate: (n - failed) / n },
        similarity: { count: n, errorCount: 0, mean: 0.66, passRate: (n - failed) / n },
        relevance: { count: n, errorCount: 0, mean: 0.74, passRate: (n - failed) / n },
      },
      costUsd: 0.0384,
      durationMs: 48_200,
    },
  })
  return { runId: run.id, traces }
}

async function seedQueue(url: string, traces: string[]) {
  const schemas = [
    {
      name: 'helpful',
      type: 'feedback',
      valueKind: 'boolean',
      instructions: 'Would this answer solve the customer’s problem?',
    },
    {
      name: 'topic',
      type: 'feedback',
      valueKind: 'categorical',
      config: { categories: ['account', 'billing', 'team', 'other'] },
      instructions: 'What the question is about',
    },
    {
      name: 'quality',
      type: 'feedback',
      valueKind: 'numeric',
      config: { min: 1, max: 5 },
      instructions: '1 poor … 5 excellent',
    },
    {
      name: 'correction',
      type: 'expectation',
      valueKind: 'text',
      instructions: 'The answer it should have given, when it is wrong',
    },
  ]
  const ids: string[] = []
  for (const s of schemas) ids.push((await call<{ id: string }>(url, 'POST', '/label-schemas', s)).id)
  const q = await call<{ id: string }>(url, 'POST', '/annotation-queues', {
    name: 'Support answers, week 48',
    description: 'Answers of the support bot to review',
    labelSchemaIds: ids,
  })
  await call(url, 'POST', `/annotation-queues/${q.id}/items`, { trace_ids: traces.slice(0, 20) })
  return q.id
}

/** Everything the part-2 views show. */
export async function seedPart2(url: string): Promise<Part2Seed> {
  const models = await seedModels(url)
  const prompt = await seedPrompt(url)
  const { datasetId, itemIds } = await seedDataset(url)
  const production = await sendTraces(url, {
    modelId: models[2]!.id,
    llmModel: 'gpt-4o-mini',
    promptVersion: 1,
    baseMs: 3_600_000,
    slow: -300,
    answers: QA.map(([, a]) => a),
  })
  const baseline = await seedRun(
    url,
    'nightly · support-bot v1',
    models[0]!.id,
    datasetId,
    itemIds,
    WRONG_BASELINE,
    7_200_000,
    'gpt-4o-mini',
    1,
  )
  const candidate = await seedRun(
    url,
    'candidate · rerank',
    models[1]!.id,
    datasetId,
    itemIds,
    WRONG_CANDIDATE,
    600_000,
    'gpt-4o',
    2,
  )
  await waitForTraces(url, production)
  // People labelled the candidate's answers too: where they disagree with the judge, calibration shows it.
  for (const [i, traceId] of candidate.traces.entries()) {
    const judged = WRONG_CANDIDATE[i] === undefined
    const human = i === 3 || i === 9 ? !judged : judged
    await call(url, 'POST', `/traces/${traceId}/assessments`, {
      name: 'correctness',
      value: human,
      source: { type: 'HUMAN', id: 'ana' },
    })
  }
  const queueTraces = [...production, ...baseline.traces].slice(0, 20)
  const queueId = await seedQueue(url, queueTraces)
  return {
    models,
    prompt,
    datasetId,
    itemIds,
    runs: { baseline: baseline.runId, candidate: candidate.runId },
    failing: {
      runId: candidate.runId,
      traceId: candidate.traces[6]!,
      question: QA[6]![0],
      rationale: judgeRationale(6, WRONG_CANDIDATE[6]),
    },
    queueId,
    queueTraces,
    traceIds: [...production, ...baseline.traces, ...candidate.traces],
  }
}

/** A route of the API that fails once with a 500, then behaves: for "a failed request keeps what was typed". */
export async function failOnce(page: Page, pattern: string, method: string): Promise<() => boolean> {
  let failed = false
  await page.route(pattern, async (route) => {
    if (failed || route.request().method() !== method) return route.fallback()
    failed = true
    await route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { message: 'internal error' } }),
    })
  })
  return () => failed
}

export interface Part2Env {
  assay: AssayProcess
  seed: Part2Seed
  browser: TestBrowser
  close(): Promise<void>
}

/** `assay serve` on a fresh data directory, seeded, and Chromium. */
export async function startPart2(): Promise<Part2Env> {
  const assay = await startAssay()
  try {
    const seed = await seedPart2(assay.url)
    const browser = await launch()
    return {
      assay,
      seed,
      browser,
      async close() {
        await browser.close()
        await assay.stop()
      },
    }
  } catch (error) {
    await assay.stop()
    throw error
  }
}
