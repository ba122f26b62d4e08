/**
 * `assay eval <suite>`: load the suite, pick where to record, run it,
 * judge it against thresholds and the baseline, write the reports, and
 * answer the exit code (0 pass, 1 fail). Errors are thrown for the caller
 * to turn into exit 2.
 */
import {
  compareWithBaseline,
  connectAssay,
  judgeRun,
  loadSuite,
  progressReporter,
  resolveBaseline,
  resolveSuiteDataset,
  resolveSuiteScorers,
  runEvaluation,
  startTracing,
} from '@assay/evals'
import { EXIT } from '../cli/exit-codes.js'
import { openDestination } from './destination.js'
import type { EvalOptions } from './eval-options.js'
import { instrumentSuiteOpenAI } from './instrument-suite-openai.js'
import { writeReports } from './write-reports.js'

export async function runSuite(
  options: EvalOptions,
  env: Record<string, string | undefined>,
): Promise<number> {
  // Messages go to stderr, so stdout carries only what was asked for (the --json summary).
  const say = (line: string) => process.stderr.write(`assay eval: ${line}\n`)
  const loaded = await loadSuite(options.suite!)
  // A file or inline dataset is checked before any server starts: a typo fails in a second.
  const fromRegistry = !Array.isArray(loaded.suite.dataset) && typeof loaded.suite.dataset === 'object'
  const local = fromRegistry ? undefined : await resolveSuiteDataset(loaded, undefined)
  const destination = await openDestination(options, env, say)
  try {
    const connection = { url: destination.url, apiKey: destination.apiKey, project: destination.project }
    const api = connectAssay(connection)
    const dataset = local ?? (await resolveSuiteDataset(loaded, api))
    const baseline = options.baseline ? await resolveBaseline(api, options.baseline) : undefined
    const { suite } = loaded
    // Registered evaluators are read (and pinned to a version) before any item runs.
    const scorers = await resolveSuiteScorers(suite.scorers, api)
    startTracing(connection, suite.name)
    await instrumentSuiteOpenAI(loaded.file)
    const concurrency = options.concurrency ?? suite.concurrency ?? 8
    say(
      `${suite.name}: ${dataset.rows.length} items from ${dataset.source}, ${suite.scorers.length} scorers, concurrency ${concurrency}`,
    )
    const progress = progressReporter({
      isTTY: Boolean(process.stdout.isTTY && process.stderr.isTTY),
      columns: process.stderr.columns,
      write: (text) => process.stderr.write(text),
    })
    const result = await runEvaluation({
      name: suite.name,
      dataset,
      task: suite.task,
      scorers,
      concurrency,
      assay: connection,
      model: suite.model,
      judgeModel: { ...suite.judgeModel, cacheDir: options.cacheDir },
      config: { suite: loaded.file, thresholds: suite.thresholds ?? {}, baseline: options.baseline ?? null },
      onProgress: (p) => progress.update(p),
    })
    progress.end()
    for (const warning of result.warnings) say(`warning: ${warning}`)
    const comparison = baseline ? compareWithBaseline(result.summary, baseline, options.tolerance) : undefined
    const verdict = judgeRun(result, suite.thresholds, comparison)
    await writeReports(options, result, verdict)
    if (destination.localDataDir) {
      say(
        `recorded in ${destination.localDataDir}; see it with 'assay serve --data-dir ${destination.localDataDir}'`,
      )
    }
    return verdict.passed ? EXIT.ok : EXIT.failure
  } finally {
    await destination.close()
  }
}
