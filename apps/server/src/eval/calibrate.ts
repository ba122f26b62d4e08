/**
 * `assay eval calibrate --name <assessment>`: each judge's agreement with
 * the human labels of the same traces, from `GET /api/calibration`, as a
 * table (kappa, weighted kappa, TPR, FPR) and each judge's confusion table.
 */
import { AssayApiError } from '@assay/evals'
import { EXIT } from '../cli/exit-codes.js'
import { ConfigError } from '../config/config.js'
import type { EvalOptions } from './eval-options.js'

interface JudgeAgreement {
  sourceId?: string
  source_id?: string
  judge?: string
  n: number
  agreement: number | null
  kappa: number | null
  weightedKappa: number | null
  tpr: number | null
  fpr: number | null
  confusion: { labels: string[]; matrix: number[][] }
}

export async function calibrate(options: EvalOptions): Promise<number> {
  const headers: Record<string, string> = {}
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`
  if (options.project) headers['x-assay-project'] = options.project
  const url = `${options.url}/api/calibration?name=${encodeURIComponent(options.calibrateName!)}`
  let res: Response
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) })
  } catch (error) {
    throw new ConfigError(`no Assay answers at ${options.url} (${(error as Error).message}); set ASSAY_URL`)
  }
  const text = await res.text()
  if (res.status === 404 && /no route/.test(text)) {
    throw new ConfigError(
      `${options.url} has no calibration route (GET /api/calibration); upgrade the server`,
    )
  }
  if (!res.ok) throw new AssayApiError(`GET /api/calibration: HTTP ${res.status} ${text}`, res.status)
  const body = JSON.parse(text) as { judges?: JudgeAgreement[]; items?: JudgeAgreement[] }
  const judges = body.judges ?? body.items ?? []
  if (options.json) {
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`)
    return EXIT.ok
  }
  process.stdout.write(renderCalibration(options.calibrateName!, judges))
  return EXIT.ok
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(3))

export function renderCalibration(name: string, judges: JudgeAgreement[]): string {
  if (judges.length === 0) return `No traces carry both a human and a judge assessment named '${name}'.\n`
  const lines = [`Judge agreement with human labels for '${name}'`, '']
  lines.push('judge                          n   agree   kappa  w.kappa     TPR     FPR')
  for (const j of judges) {
    const id = j.sourceId ?? j.source_id ?? j.judge ?? '?'
    lines.push(
      `${id.padEnd(28)} ${String(j.n).padStart(4)} ${[j.agreement, j.kappa, j.weightedKappa, j.tpr, j.fpr].map((v) => num(v).padStart(7)).join(' ')}`,
    )
  }
  for (const j of judges) {
    const { labels, matrix } = j.confusion
    const width = Math.max(6, ...labels.map((l) => l.length)) + 1
    lines.push('', `${j.sourceId ?? j.source_id ?? j.judge}: rows human, columns judge`)
    lines.push(`${''.padEnd(width)}${labels.map((l) => l.padStart(width)).join('')}`)
    matrix.forEach((row, i) => {
      lines.push(`${labels[i]!.padEnd(width)}${row.map((c) => String(c).padStart(width)).join('')}`)
    })
  }
  return `${lines.join('\n')}\n`
}
