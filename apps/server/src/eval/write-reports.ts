/** The reports a run asked for: JUnit and Markdown files, the JSON summary on stdout, else a text table. */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  type EvaluationResult,
  jsonSummary,
  junitXml,
  markdownSummary,
  type SuiteVerdict,
} from '@assay/evals'
import type { EvalOptions } from './eval-options.js'

export async function writeReports(options: EvalOptions, result: EvaluationResult, verdict: SuiteVerdict) {
  if (options.junit) await writeOut(options.junit, junitXml(result, verdict))
  if (options.markdown) await writeOut(options.markdown, markdownSummary(result, verdict))
  if (options.json) {
    process.stdout.write(`${JSON.stringify(jsonSummary(result, verdict), null, 2)}\n`)
  } else {
    // The same table as the pull-request comment reads well in a terminal too.
    process.stdout.write(markdownSummary(result, verdict))
  }
}

async function writeOut(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  await writeFile(file, text)
}
