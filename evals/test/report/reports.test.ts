// Reports from a hand-made result: JUnit XML that a real XML parser accepts
// (hostile rationales included), and the Markdown table a pull request shows.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { jsonSummary, junitXml, markdownSummary } from '../../src/report/index.js'
import type { EvaluationResult, ItemResult } from '../../src/runner/index.js'
import { summarize } from '../../src/runner/summarize.js'
import { compareWithBaseline, judgeRun } from '../../src/suite/index.js'
import type { ScoreResult, Scorer } from '../../src/types.js'

const scorerList: Scorer[] = [
  { name: 'exact', kind: 'code', score: async () => ({}) as ScoreResult },
  { name: 'correctness', kind: 'judge', score: async () => ({}) as ScoreResult },
]
const score = (name: string, passed: boolean | null, extra: Partial<ScoreResult> = {}): ScoreResult => ({
  name,
  value: passed === null ? null : passed ? 1 : 0,
  rationale: passed ? 'fine' : 'The answer says <b>"Lyon"</b> & not Paris\u0001',
  passed,
  error: null,
  sourceType: name === 'exact' ? 'CODE' : 'LLM_JUDGE',
  sourceId: name,
  ...extra,
})
const item = (index: number, scores: ScoreResult[], error: string | null = null): ItemResult => ({
  index,
  id: `row-${index}`,
  traceId: null,
  item: { inputs: {}, outputs: 'x', latencyMs: 120 },
  error,
  scores,
})

function result(): EvaluationResult {
  const items = [
    item(0, [score('exact', true), score('correctness', true)]),
    item(1, [score('exact', false), score('correctness', false)]),
    item(2, [score('exact', true), score('correctness', null, { error: 'judge model call failed: 500' })]),
  ]
  return {
    runId: 'run-1',
    name: 'qa <suite>',
    datasetId: null,
    datasetVersion: null,
    loggedModelId: null,
    items,
    summary: summarize(items, scorerList, 1500),
    warnings: [],
  }
}

describe('JUnit XML', () => {
  it('is valid XML with a testsuite per scorer, a testcase per item, failures and errors', () => {
    const r = result()
    const verdict = judgeRun(r, { exact: { minPassRate: 0.9 } })
    const xml = junitXml(r, verdict)
    expect(XMLValidator.validate(xml)).toBe(true)
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    }).parse(xml)
    expect(doc.testsuites.name).toBe('qa <suite>')
    const [exact, correctness, thresholds] = doc.testsuites.testsuite
    expect(exact).toMatchObject({ name: 'exact', tests: '3', failures: '1', errors: '0' })
    expect(exact.testcase).toHaveLength(3)
    expect(exact.testcase[1].failure['#text']).toBe('The answer says <b>"Lyon"</b> & not Paris')
    expect(correctness).toMatchObject({ failures: '1', errors: '1' })
    expect(correctness.testcase[2].error.message).toBe('judge model call failed: 500')
    expect(thresholds.testcase[0].failure.message).toBe('pass rate 0.667 < 0.900')
  })
})

describe('Markdown', () => {
  it('shows per-scorer mean, pass rate, errors, threshold, baseline delta and status', () => {
    const r = result()
    const baseline = compareWithBaseline(
      r.summary,
      {
        runId: 'base',
        summary: {
          itemCount: 3,
          costUsd: 0,
          durationMs: 1,
          scorers: { exact: { count: 3, errorCount: 0, mean: 1, passRate: 1 } },
        },
      },
      0.05,
    )
    const verdict = judgeRun(r, { correctness: { minPassRate: 0.3 } }, baseline)
    const md = markdownSummary(r, verdict)
    expect(md).toContain('### ❌ Assay eval: qa <suite> failed')
    expect(md).toContain('| exact | 0.667 | 66.7% | 0 | – | -0.333 / -33.3 pp | ❌ fail |')
    expect(md).toContain('| correctness | 0.500 | 33.3% | 1 | pass ≥ 30.0% | – | ✅ pass |')
    expect(md).toContain('- exact: pass rate fell 0.333 from baseline 1 (tolerance 0.050)')
    expect(verdict.passed).toBe(false)
    expect(jsonSummary(r, verdict)).toMatchObject({ passed: false, runId: 'run-1' })
  })
})
