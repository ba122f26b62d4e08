/**
 * A Markdown summary for a pull-request comment: a status line, then one
 * table row per scorer (mean, pass rate, threshold, change from the
 * baseline, status) and the reasons for any failure.
 */
import type { EvaluationResult } from '../runner/run-types.js'
import type { ScorerRow, SuiteVerdict } from '../suite/verdict.js'
import { decimal, duration, percent, signed } from './format.js'

export function markdownSummary(result: EvaluationResult, verdict: SuiteVerdict): string {
  const s = result.summary
  const lines = [
    `### ${verdict.passed ? '✅' : '❌'} Assay eval: ${cell(result.name)} ${verdict.passed ? 'passed' : 'failed'}`,
    '',
    `${s.itemCount} items${s.itemErrorCount ? ` (${s.itemErrorCount} errors)` : ''} · overall pass rate ${percent(s.passRate)} · ${duration(s.durationMs)} · judges: ${s.judge.calls} calls (${s.judge.cachedCalls} cached), ${s.judge.inputTokens + s.judge.outputTokens} tokens, $${s.judge.costUsd.toFixed(4)}${result.runId ? ` · run \`${result.runId}\`` : ''}`,
    '',
    '| scorer | mean | pass rate | errors | threshold | vs baseline | status |',
    '| --- | ---: | ---: | ---: | --- | --- | --- |',
    ...verdict.scorers.map(row),
  ]
  if (verdict.baseline)
    lines.push('', `Baseline: run \`${verdict.baseline.runId}\`, tolerance ${verdict.baseline.tolerance}.`)
  if (verdict.failures.length > 0) {
    lines.push(
      '',
      '**Failures**',
      '',
      ...verdict.failures.map((f) => `- ${cell(f.scope)}: ${cell(f.message)}`),
    )
  }
  return `${lines.join('\n')}\n`
}

function row(r: ScorerRow): string {
  const t = r.threshold
  const threshold = t
    ? [
        t.minMean !== undefined ? `mean ≥ ${t.minMean}` : '',
        t.minPassRate !== undefined ? `pass ≥ ${percent(t.minPassRate)}` : '',
        t.maxErrorRate !== undefined ? `errors ≤ ${percent(t.maxErrorRate)}` : '',
      ]
        .filter(Boolean)
        .join(', ')
    : '–'
  const delta = r.delta ? `${signed(r.delta.mean, false)} / ${signed(r.delta.passRate, true)}` : '–'
  return `| ${cell(r.name)} | ${decimal(r.stats.mean)} | ${percent(r.stats.passRate)} | ${r.stats.errorCount} | ${threshold || '–'} | ${delta} | ${r.failures.length ? '❌ fail' : '✅ pass'} |`
}

/** Table cells cannot hold pipes or newlines. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}
