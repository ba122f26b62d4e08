/**
 * JUnit XML, as CI systems read it: one `<testsuite>` per scorer, one
 * `<testcase>` per item; a failed verdict is a `<failure>` carrying the
 * rationale, a scorer or task error an `<error>`. Threshold and baseline
 * failures go in a final `thresholds` suite, so the CI view shows why the
 * job failed even when every item passed on its own.
 */
import type { EvaluationResult } from '../runner/run-types.js'
import type { SuiteVerdict } from '../suite/verdict.js'
import { xmlEscape as x } from './xml-escape.js'

export function junitXml(result: EvaluationResult, verdict: SuiteVerdict): string {
  const seconds = (result.summary.durationMs / 1000).toFixed(3)
  const suites = Object.keys(result.summary.scorers).map((scorer) => scorerSuite(result, scorer))
  suites.push(thresholdSuite(result, verdict))
  const tests = result.items.length * Object.keys(result.summary.scorers).length + verdictCases(verdict)
  const failures = count(result, (s) => s.error === null && s.passed === false) + verdict.failures.length
  const errors = count(result, (s) => s.error !== null)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(result.name)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n')
}

function scorerSuite(result: EvaluationResult, scorer: string): string {
  const cases = result.items.map((item) => {
    const score = item.scores.find((s) => s.name === scorer)
    const name = `${scorer} ${item.id}`
    const open = `    <testcase name="${x(name)}" classname="${x(`${result.name}.${scorer}`)}" time="${((item.item.latencyMs ?? 0) / 1000).toFixed(3)}"`
    if (!score) return `${open}><skipped/></testcase>`
    if (score.error !== null) {
      return `${open}>\n      <error message="${x(oneLine(score.error))}">${x(score.error)}</error>\n    </testcase>`
    }
    if (score.passed === false) {
      const message = `${scorer} = ${String(score.value)}`
      return `${open}>\n      <failure message="${x(message)}">${x(score.rationale || message)}</failure>\n    </testcase>`
    }
    return `${open}/>`
  })
  const failures = result.items.filter((i) =>
    i.scores.some((s) => s.name === scorer && !s.error && s.passed === false),
  )
  const errors = result.items.filter((i) => i.scores.some((s) => s.name === scorer && s.error !== null))
  return [
    `  <testsuite name="${x(scorer)}" tests="${result.items.length}" failures="${failures.length}" errors="${errors.length}" skipped="0">`,
    ...cases,
    '  </testsuite>',
  ].join('\n')
}

function thresholdSuite(result: EvaluationResult, verdict: SuiteVerdict): string {
  const cases = verdict.failures.map(
    (f) =>
      `    <testcase name="${x(`${f.scope} threshold`)}" classname="${x(`${result.name}.thresholds`)}">\n      <failure message="${x(f.message)}">${x(f.message)}</failure>\n    </testcase>`,
  )
  if (cases.length === 0) {
    cases.push(`    <testcase name="thresholds" classname="${x(`${result.name}.thresholds`)}"/>`)
  }
  return [
    `  <testsuite name="thresholds" tests="${cases.length}" failures="${verdict.failures.length}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
  ].join('\n')
}

function verdictCases(verdict: SuiteVerdict): number {
  return Math.max(verdict.failures.length, 1)
}

function count(
  result: EvaluationResult,
  test: (s: EvaluationResult['items'][number]['scores'][number]) => boolean,
) {
  return result.items.reduce((n, i) => n + i.scores.filter(test).length, 0)
}

function oneLine(text: string): string {
  const line = text.split('\n')[0] ?? ''
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}
