/**
 * Online-evaluation rules: which new traces to score (filter, sample rate)
 * and with which evaluator. The API manages them per project; the matcher
 * reads the enabled ones of every project and moves each rule's watermark.
 * Filters are stored as the text the user wrote (checked by the API with
 * the filter parser), so a rule reads back exactly as it was given.
 */
import type { NewOnlineEvalRule, OnlineEvalRule, OnlineEvalRulePatch } from '@assay/core'
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { evaluators, onlineEvalRules } from '../schema/index.js'
import { createdBefore, createdMicros, type KeysetPage, pageLimit, toPage } from './model-keyset.js'
import { RULE_COLUMNS, toRule } from './online-eval-rows.js'

/** A rule name is unique in its project; creating or renaming onto a taken one throws this. */
export class RuleNameTakenError extends Error {
  override name = 'RuleNameTakenError'
  constructor(readonly ruleName: string) {
    super(`a rule named ${ruleName} already exists`)
  }
}

const ruleById = (projectId: string, id: string) =>
  and(eq(onlineEvalRules.projectId, projectId), eq(onlineEvalRules.id, id))

/**
 * @example
 * const rule = await createRule(db, projectId, { name: 'helpful', filter: "span.kind = 'LLM'", sampleRate: 0.1,
 *   evaluatorId: evaluator.id, evaluatorVersion: null, enabled: true })
 */
export async function createRule(
  db: AssayDb,
  projectId: string,
  input: NewOnlineEvalRule,
): Promise<OnlineEvalRule> {
  const [row] = await db
    .insert(onlineEvalRules)
    .values({ ...input, projectId })
    .onConflictDoNothing()
    .returning({ id: onlineEvalRules.id })
  if (!row) throw new RuleNameTakenError(input.name)
  return (await getRule(db, projectId, row.id))!
}

export async function getRule(db: AssayDb, projectId: string, id: string): Promise<OnlineEvalRule | null> {
  const [row] = await db
    .select(RULE_COLUMNS)
    .from(onlineEvalRules)
    .innerJoin(evaluators, eq(evaluators.id, onlineEvalRules.evaluatorId))
    .where(ruleById(projectId, id))
  return row ? toRule(row) : null
}

/** The project's rules, newest first, one keyset page at a time. */
export async function listRules(
  db: AssayDb,
  projectId: string,
  options: { limit?: number; cursor?: string } = {},
): Promise<KeysetPage<OnlineEvalRule>> {
  const limit = pageLimit(options.limit)
  const scope = 'online-eval-rules'
  const rows = await db
    .select({ ...RULE_COLUMNS, micros: createdMicros(onlineEvalRules.createdAt) })
    .from(onlineEvalRules)
    .innerJoin(evaluators, eq(evaluators.id, onlineEvalRules.evaluatorId))
    .where(
      and(eq(onlineEvalRules.projectId, projectId), createdBefore(onlineEvalRules, scope, options.cursor)),
    )
    .orderBy(desc(onlineEvalRules.createdAt), desc(onlineEvalRules.id))
    .limit(limit + 1)
  return toPage(rows, limit, scope, toRule)
}

/** Changes the given fields; null when the rule does not exist in the project. */
export async function updateRule(
  db: AssayDb,
  projectId: string,
  id: string,
  patch: OnlineEvalRulePatch,
): Promise<OnlineEvalRule | null> {
  const rows = await db
    .update(onlineEvalRules)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(ruleById(projectId, id))
    .returning({ id: onlineEvalRules.id })
    .catch((error: unknown) => {
      if (patch.name !== undefined && isUniqueViolation(error)) throw new RuleNameTakenError(patch.name)
      throw error
    })
  const row = rows[0]
  return row ? getRule(db, projectId, row.id) : null
}

/** Deletes the rule and its jobs (the assessments it wrote stay); false when there was none. */
export async function deleteRule(db: AssayDb, projectId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(onlineEvalRules)
    .where(ruleById(projectId, id))
    .returning({ id: onlineEvalRules.id })
  return rows.length > 0
}

/** Enabled rules of every project, for the matcher (which serves all projects). */
export async function listEnabledRules(db: AssayDb): Promise<OnlineEvalRule[]> {
  const rows = await db
    .select(RULE_COLUMNS)
    .from(onlineEvalRules)
    .innerJoin(evaluators, eq(evaluators.id, onlineEvalRules.evaluatorId))
    .where(eq(onlineEvalRules.enabled, true))
    .orderBy(onlineEvalRules.id)
  return rows.map(toRule)
}

/**
 * Moves a rule's watermark forward, never back: two matchers (two server
 * processes) may pass the same rule, and the later of their marks stands.
 */
export async function advanceRuleWatermark(db: AssayDb, ruleId: string, until: Date): Promise<void> {
  const { matchedUntil } = getTableColumns(onlineEvalRules)
  const stamp = sql`${until.toISOString()}::timestamptz`
  await db
    .update(onlineEvalRules)
    .set({ matchedUntil: sql`greatest(coalesce(${matchedUntil}, ${stamp}), ${stamp})` })
    .where(eq(onlineEvalRules.id, ruleId))
}

/** SQLSTATE 23505 somewhere along the cause chain (drizzle wraps the driver's error). */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true
  }
  return false
}
