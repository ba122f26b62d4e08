// `assay eval` as CI runs it: a child process on the example suite in
// examples/eval-suite, the task and the judge answered by the LLM test server
// through the real `openai` client, results recorded in a real Assay (a server
// process, or the in-process one on a local data directory).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type LlmTestServer, startLlmTestServer } from '@assay/llm-test-server'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AssayProcess, runAssay, startAssay } from '../server-process.js'

const suite = path.resolve(import.meta.dirname, '../../../../examples/eval-suite/qa.eval.ts')
const CAPITALS: Record<string, string> = {
  France: 'Paris',
  Japan: 'Tokyo',
  Canada: 'Ottawa',
  Australia: 'Canberra',
  Kenya: 'Nairobi',
}

let llm: LlmTestServer
let assay: AssayProcess
let work: string
/** When true the application under test answers wrongly (a regression). */
let wrongAnswers = false

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'assay-eval-cli-'))
  llm = await startLlmTestServer({
    script: [
      (req) => {
        if (req.model !== 'task-model') return undefined
        const country = Object.keys(CAPITALS).find((c) => req.lastUserText.includes(c))
        return { content: wrongAnswers ? 'London' : (CAPITALS[country ?? ''] ?? 'unknown') }
      },
    ],
  })
  assay = await startAssay({ ASSAY_DATA_DIR: path.join(work, 'server-data') })
})
afterAll(async () => {
  await assay?.stop()
  await llm?.close()
  rmSync(work, { recursive: true, force: true })
})

function evalEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ASSAY_URL: assay.url,
    OPENAI_BASE_URL: llm.url,
    OPENAI_API_KEY: 'test',
    EXAMPLE_MODEL: 'task-model',
    ASSAY_JUDGE_MODEL: 'judge-model',
    ...extra,
  }
}
const judgeCalls = () =>
  llm.calls.filter((c) => (c.body as { model?: string })?.model === 'judge-model').length
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
const api = async (base: string, p: string): Promise<any> => (await fetch(`${base}/api${p}`)).json()

describe('assay eval', () => {
  const cacheDir = () => path.join(work, 'cache')
  let firstRunId: string

  it('passes (exit 0) when thresholds hold, writing valid JUnit XML, Markdown and JSON', async () => {
    const junit = path.join(work, 'out/junit.xml')
    const markdown = path.join(work, 'out/summary.md')
    const run = await runAssay(
      ['eval', suite, '--junit', junit, '--markdown', markdown, '--json', '--cache-dir', cacheDir()],
      evalEnv(),
      120_000,
    )
    expect(run.code, run.stderr).toBe(0)
    const summary = JSON.parse(run.stdout)
    expect(summary).toMatchObject({ name: 'capitals-qa', passed: true, failures: [] })
    expect(summary.summary.scorers.exact_match).toMatchObject({ count: 5, passRate: 1 })
    expect(summary.summary.scorers.correctness).toMatchObject({ count: 5, errorCount: 0, passRate: 1 })
    expect(judgeCalls()).toBe(5)
    firstRunId = summary.runId

    const xml = readFileSync(junit, 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    }).parse(xml)
    const suites = doc.testsuites.testsuite as {
      name: string
      tests: string
      failures: string
      testcase: unknown[]
    }[]
    expect(suites.map((s) => s.name)).toEqual(['exact_match', 'correctness', 'thresholds'])
    expect(suites[0]!.testcase).toHaveLength(5)
    expect(suites[0]).toMatchObject({ tests: '5', failures: '0' })

    const md = readFileSync(markdown, 'utf8')
    expect(md).toContain('| scorer | mean | pass rate | errors | threshold | vs baseline | status |')
    expect(md).toMatch(/\| exact_match \| 1\.000 \| 100\.0% \| 0 \| pass ≥ 80\.0% \| – \| ✅ pass \|/)
    expect(md).toMatch(/\| correctness \| 1\.000 \| 100\.0% \| 0 \|/)

    // The run, its traces and the assessments are on the server.
    const stored = await api(assay.url, `/runs/${firstRunId}`)
    expect(stored).toMatchObject({ status: 'completed', name: 'capitals-qa', summary: { itemCount: 5 } })
    expect(stored.loggedModelId).toBeTruthy()
    const item = summary.items[0]
    const trace = await api(assay.url, `/traces/${item.traceId}`)
    expect(trace.spans.some((s: { kind: string }) => s.kind === 'LLM')).toBe(true)
    const assessments = await api(assay.url, `/traces/${item.traceId}/assessments`)
    expect(assessments.items.map((a: { name: string }) => a.name).sort()).toEqual([
      'correctness',
      'exact_match',
    ])
  })

  it('makes no judge call when the same suite runs again (judge cache)', async () => {
    llm.clearCalls()
    const run = await runAssay(['eval', suite, '--json', '--cache-dir', cacheDir()], evalEnv(), 120_000)
    expect(run.code, run.stderr).toBe(0)
    expect(judgeCalls()).toBe(0)
    expect(JSON.parse(run.stdout).summary.judge).toMatchObject({ calls: 5, cachedCalls: 5 })
  })

  it('fails (exit 1) when a scorer falls below its threshold or regresses from the baseline', async () => {
    wrongAnswers = true
    try {
      const markdown = path.join(work, 'out/failed.md')
      const run = await runAssay(
        [
          'eval',
          suite,
          '--markdown',
          markdown,
          '--json',
          '--baseline',
          firstRunId,
          '--cache-dir',
          cacheDir(),
        ],
        evalEnv(),
        120_000,
      )
      expect(run.code, run.stderr).toBe(1)
      const summary = JSON.parse(run.stdout)
      expect(summary.passed).toBe(false)
      const messages = summary.failures.map(
        (f: { scope: string; message: string }) => `${f.scope}: ${f.message}`,
      )
      expect(messages).toContain('exact_match: pass rate 0 < 0.800')
      expect(messages.some((m: string) => /^exact_match: pass rate fell 1 from baseline 1/.test(m))).toBe(
        true,
      )
      const md = readFileSync(markdown, 'utf8')
      expect(md).toMatch(
        /\| exact_match \| 0\.000 \| 0\.0% \| 0 \| pass ≥ 80\.0% \| -1\.000 \/ -100\.0 pp \| ❌ fail \|/,
      )
    } finally {
      wrongAnswers = false
    }
  })

  it('calibrate prints each judge agreement with human labels', async () => {
    const traces = await api(assay.url, "/traces?filter=trace.name%20%3D%20'capitals-qa'&limit=4")
    const labels = [true, true, false, false]
    const verdicts = [true, false, false, false]
    for (const [i, t] of traces.items.slice(0, 4).entries()) {
      for (const [value, source] of [
        [labels[i], { type: 'HUMAN', id: 'ann' }],
        [verdicts[i], { type: 'LLM_JUDGE', id: 'judge:helpful@1' }],
      ] as const) {
        const res = await fetch(`${assay.url}/api/traces/${t.trace_id}/assessments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'helpful', value, source }),
        })
        expect(res.status).toBeLessThan(300)
      }
    }
    const run = await runAssay(['eval', 'calibrate', '--name', 'helpful'], evalEnv(), 60_000)
    expect(run.code, run.stderr).toBe(0)
    // 4 pairs: agreement 3/4; p_e = (2·1 + 2·3)/16 = 0.5, so kappa = 0.5; TPR 1/2, FPR 0.
    expect(run.stdout).toMatch(/judge:helpful@1\s+4\s+0\.750\s+0\.500\s+0\.500\s+0\.500\s+0\.000/)
    expect(run.stdout).toContain('rows human, columns judge')
  })

  it('runs evaluators registered through the API by name', async () => {
    const saved = await fetch(`${assay.url}/api/evaluators`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'shouted',
        definition: { type: 'code', scorer: 'exact_match', params: { ignoreCase: false } },
      }),
    })
    expect(saved.status).toBeLessThan(300)
    const dir = path.join(work, 'registered')
    mkdirSync(dir, { recursive: true })
    // A ref is a plain object (what `registered('shouted')` returns), so this suite needs no import.
    const rows = "[{ inputs: 'a', expectations: 'A' }, { inputs: 'b', expectations: 'B' }]"
    writeFileSync(
      path.join(dir, 'registered.eval.ts'),
      `export default { dataset: ${rows}, task: (x: unknown) => String(x).toUpperCase(), scorers: [{ registered: 'shouted' }], thresholds: { shouted: { minPassRate: 1 } } }\n`,
    )
    const run = await runAssay(['eval', path.join(dir, 'registered.eval.ts'), '--json'], evalEnv(), 120_000)
    expect(run.code, run.stderr).toBe(0)
    const summary = JSON.parse(run.stdout)
    expect(summary.summary.scorers.shouted).toMatchObject({ count: 2, errorCount: 0, passRate: 1 })
    const recorded = await api(assay.url, `/runs/${summary.runId}`)
    expect(recorded.summary.scorers.shouted).toMatchObject({ count: 2, passRate: 1 })

    writeFileSync(
      path.join(dir, 'unknown.eval.ts'),
      `export default { dataset: ${rows}, task: (x: unknown) => x, scorers: [{ registered: 'no-such-judge' }] }\n`,
    )
    const unknown = await runAssay(['eval', path.join(dir, 'unknown.eval.ts')], evalEnv(), 60_000)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/evaluator 'no-such-judge' is not registered/)
  })

  it('exits 2 on a broken suite file, a missing dataset, or a bad flag', async () => {
    const dir = path.join(work, 'broken')
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'syntax.eval.ts'), 'export default { dataset: [ \n')
    writeFileSync(
      path.join(dir, 'nodata.eval.ts'),
      "export default { dataset: './missing.jsonl', task: (x: unknown) => x, scorers: [{ name: 's', kind: 'code', score: async () => ({}) }] }\n",
    )
    const syntax = await runAssay(['eval', path.join(dir, 'syntax.eval.ts')], evalEnv(), 60_000)
    expect(syntax.code).toBe(2)
    expect(syntax.stderr).toMatch(/syntax\.eval\.ts: the suite file could not be loaded/)
    const noData = await runAssay(['eval', path.join(dir, 'nodata.eval.ts')], evalEnv(), 60_000)
    expect(noData.code).toBe(2)
    expect(noData.stderr).toMatch(/missing\.jsonl: no such dataset file/)
    const badFlag = await runAssay(['eval', suite, '--tolerance', 'lots'], evalEnv(), 60_000)
    expect(badFlag.code).toBe(2)
    expect(badFlag.stderr).toMatch(/--tolerance must be a number/)
  })

  it('with no server, records into a local data directory that a later assay serve shows', async () => {
    const dataDir = path.join(work, 'local-data')
    const run = await runAssay(
      ['eval', suite, '--json', '--data-dir', dataDir, '--cache-dir', cacheDir()],
      evalEnv({ ASSAY_URL: 'http://127.0.0.1:9' }),
      180_000,
    )
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain(`recording to the local data directory ${dataDir}`)
    const { runId } = JSON.parse(run.stdout)
    const later = await startAssay({ ASSAY_DATA_DIR: dataDir })
    try {
      const stored = await api(later.url, `/runs/${runId}`)
      expect(stored).toMatchObject({ status: 'completed', name: 'capitals-qa', summary: { itemCount: 5 } })
      const traces = await api(later.url, "/traces?filter=trace.name%20%3D%20'capitals-qa'&limit=10")
      expect(traces.items.length).toBeGreaterThanOrEqual(5)

      // While that server holds the directory, eval refuses to open it and says so.
      const held = await runAssay(
        ['eval', suite, '--data-dir', dataDir, '--cache-dir', cacheDir()],
        evalEnv({ ASSAY_URL: 'http://127.0.0.1:9' }),
        60_000,
      )
      expect(held.code).toBe(2)
      expect(held.stderr).toMatch(/is in use by another Assay server \(pid \d+\)/)
    } finally {
      await later.stop()
    }
  })
})
