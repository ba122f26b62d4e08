/**
 * The example app (examples/rag-app) against a real `assay serve` and the
 * project's OpenAI-compatible test server, loaded the three ways a user
 * can: `import '@assay/sdk/register'`, `node --import`, CommonJS `require`.
 * Then Assay goes away (the app must not notice) and comes back.
 * Runs against the built package (`dist/`): turbo builds it first.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { type LlmTestServer, startLlmTestServer } from '@assay/llm-test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api } from './assay-api.js'
import { type AssayProcess, startAssay } from './assay-process.js'
import { expectAppTraces } from './expect-trace.js'
import { runApp } from './run-app.js'

let llm: LlmTestServer
let assay: AssayProcess
let dataDir: string
let port: number
let env: Record<string, string>

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function modelId(): Promise<string> {
  const page = await api<{ items: { id: string; name: string }[] }>(assay.url, 'GET', '/models?name=rag-app')
  expect(page.items).toHaveLength(1) // reused across runs: same name, params and commit
  return page.items[0]!.id
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'assay-sdk-e2e-'))
  port = await freePort()
  ;[llm, assay] = await Promise.all([startLlmTestServer(), startAssay(dataDir, port)])
  env = { ASSAY_URL: assay.url, OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test-key' }
  await api(assay.url, 'POST', '/prompts', { name: 'rag-answer' })
  const version = await api<{ version: number }>(assay.url, 'POST', '/prompts/rag-answer/versions', {
    template: {
      type: 'chat',
      messages: [
        { role: 'system', content: 'Answer from the context.\n{{context}}' },
        { role: 'user', content: '{{question}}' },
      ],
    },
  })
  await api(assay.url, 'PUT', '/prompts/rag-answer/aliases/production', { version: version.version })
})

afterAll(async () => {
  await assay?.stop()
  await llm?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('the example app', () => {
  it("ESM with import '@assay/sdk/register'", async () => {
    const run = await runApp(['src/app.mjs'], env)
    await expectAppTraces(assay.url, run, await modelId())
    const list = await api<{ items: { trace_id: string }[] }>(assay.url, 'GET', '/traces?limit=50')
    expect(list.items.map((t) => t.trace_id)).toContain(run.result!.answer.traceId)
  })

  it('ESM with node --import @assay/sdk/register', async () => {
    const run = await runApp(['--import', '@assay/sdk/register', 'src/main.mjs'], env)
    await expectAppTraces(assay.url, run, await modelId())
  })

  it("CommonJS with require('@assay/sdk/register')", async () => {
    const run = await runApp(['src/app.cjs'], env)
    await expectAppTraces(assay.url, run, await modelId())
  })

  it('runs to completion with Assay down, and traces arrive again once it is back', async () => {
    const before = await runApp(['src/app.mjs'], env)
    await assay.stop()
    const down = await runApp(['src/app.mjs'], env)
    expect(down.code, down.stderr).toBe(0)
    expect(down.stderr).toContain('[assay] could not send spans')
    const texts = (r: typeof down) => [r.result!.answer.text, r.result!.agent.text, r.result!.failing.text]
    expect(texts(down)).toEqual(texts(before))

    assay = await startAssay(dataDir, port)
    const after = await runApp(['src/app.mjs'], env)
    expect(texts(after)).toEqual(texts(before))
    await expectAppTraces(assay.url, after, await modelId())
  })
})
