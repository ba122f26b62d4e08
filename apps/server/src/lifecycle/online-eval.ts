/**
 * Online evaluation in `assay serve`: the matcher passes over the enabled
 * rules every poll interval (one pass at a time) and the worker scores
 * jobs with the judges and code scorers of @assay/evals. Every server
 * process runs both; Postgres decides who scores what, so several servers
 * on shared storage score each trace once per rule.
 */
import { evalItemFromTrace, scorerFromDefinition } from '@assay/evals'
import type { Config } from '../config/config.js'
import type { Logger } from '../logger.js'
import { createRateLimiter, createWorker, matchOnce } from '../online-eval/index.js'
import type { Storage } from './storage.js'

export interface RunningOnlineEval {
  /** Stops matching and claiming; running jobs finish or are given back. */
  stop(): Promise<void>
}

export function startOnlineEval(
  config: Config,
  storage: Storage,
  logger: Logger,
): RunningOnlineEval | undefined {
  const options = config.onlineEval
  if (!options.enabled) return undefined
  const log = logger.child({ component: 'online-eval' })
  const db = storage.postgres.db
  const worker = createWorker({
    db,
    clickhouse: storage.clickhouse,
    limiter: createRateLimiter(options.ratePerSecond),
    scorerFor: (evaluator) => scorerFromDefinition(evaluator),
    itemFromTrace: evalItemFromTrace,
    concurrency: options.concurrency,
    pollMs: options.pollMs,
    maxAttempts: options.maxAttempts,
    retryMs: options.retryMs,
    onError: (err, job) => log.warn({ err, jobId: job?.id }, 'online evaluation error'),
    onSettled: (job, outcome) => {
      if (!outcome.ok)
        log.info(
          { jobId: job.id, ruleId: job.ruleId, attempt: job.attempts, error: outcome.error },
          'online evaluation attempt failed',
        )
    },
  })

  let matching: Promise<unknown> | undefined
  const match = () => {
    matching ??= matchOnce({
      db,
      clickhouse: storage.clickhouse,
      settleMs: options.settleMs,
      onRuleError: (rule, err) => log.warn({ err, ruleId: rule.id }, 'online evaluation rule not matched'),
    })
      .then((queued) => (queued > 0 ? worker.poll() : 0))
      .catch((err) => log.warn({ err }, 'online evaluation matcher failed'))
      .finally(() => {
        matching = undefined
      })
  }
  const timer = setInterval(match, options.pollMs)
  timer.unref()
  worker.start()
  log.info(options, 'online evaluation started')
  return {
    async stop() {
      clearInterval(timer)
      await matching
      await worker.stop()
    },
  }
}
