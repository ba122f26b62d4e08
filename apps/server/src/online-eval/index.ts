// Online evaluation inside the server: the matcher turns new traces into jobs, the worker scores them.
export { type MatcherOptions, matchOnce, matchRule } from './matcher.js'
export { createRateLimiter, type RateLimiter } from './rate-limiter.js'
export { inSample } from './sample.js'
export type { ScoreOutcome } from './score-job.js'
export { createWorker, type Worker, type WorkerOptions } from './worker.js'
