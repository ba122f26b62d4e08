import { ONLINE_EVAL_JOB_STATUSES, type OnlineEvalJobStatus } from '@assay/core'
import { sql } from 'drizzle-orm'
import { boolean, check, doublePrecision, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core'
import { checkOneOf, createdAtColumn, idColumn, timestampColumn, updatedAtColumn } from './columns.js'
import { evaluators } from './evaluators.js'
import { projectIdColumn } from './projects.js'

/**
 * Online evaluation: rules say which new traces to score (filter, sample
 * rate) and with which evaluator; jobs are the work queue between the
 * rule matcher and any number of workers. Workers claim jobs with
 * `FOR UPDATE SKIP LOCKED` and hold them under a lease (`locked_until`),
 * so a crashed worker's jobs become claimable again instead of stuck.
 */

export { ONLINE_EVAL_JOB_STATUSES, type OnlineEvalJobStatus }

export const onlineEvalRules = pgTable(
  'online_eval_rules',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    name: text('name').notNull(),
    /** In the shared filter language; '' matches every trace. */
    filter: text('filter').notNull().default(''),
    sampleRate: doublePrecision('sample_rate').notNull().default(1),
    evaluatorId: text('evaluator_id')
      .notNull()
      .references(() => evaluators.id, { onDelete: 'cascade' }),
    /** Null follows the evaluator's latest version. */
    evaluatorVersion: integer('evaluator_version'),
    enabled: boolean('enabled').notNull().default(true),
    /**
     * The matcher's watermark: traces that ended before this were looked
     * at. Null until the first pass, which starts from `created_at`, so a
     * new rule scores new traces only.
     */
    matchedUntil: timestampColumn('matched_until'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    unique('online_eval_rules_project_name_unique').on(t.projectId, t.name),
    check('online_eval_rules_sample_rate_range', sql`${t.sampleRate} >= 0 and ${t.sampleRate} <= 1`),
  ],
)

export const onlineEvalJobs = pgTable(
  'online_eval_jobs',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    ruleId: text('rule_id')
      .notNull()
      .references(() => onlineEvalRules.id, { onDelete: 'cascade' }),
    traceId: text('trace_id').notNull(),
    status: text('status').$type<OnlineEvalJobStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Not before this time: first enqueue, or retry backoff. */
    availableAt: timestampColumn('available_at').notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedUntil: timestampColumn('locked_until'),
    lastError: text('last_error'),
    createdAt: createdAtColumn(),
    finishedAt: timestampColumn('finished_at'),
  },
  (t) => [
    // A trace is scored at most once per rule, however often the matcher sees it.
    unique('online_eval_jobs_rule_trace_unique').on(t.ruleId, t.traceId),
    index('online_eval_jobs_project_rule_idx').on(t.projectId, t.ruleId, t.createdAt),
    // Workers serve every project, so the claim index cannot start with
    // project_id; partial, it holds only the claimable rows.
    index('online_eval_jobs_claim_idx').on(t.availableAt).where(sql`${t.status} = 'pending'`),
    index('online_eval_jobs_lease_idx').on(t.lockedUntil).where(sql`${t.status} = 'running'`),
    checkOneOf('online_eval_jobs_status_check', t.status, ONLINE_EVAL_JOB_STATUSES),
  ],
)
