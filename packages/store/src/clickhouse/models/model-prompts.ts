/**
 * The prompt versions a LoggedModel's traces used: distinct
 * (`prompt_name`, `prompt_version`) over the spans that carry the model id
 * and a prompt, in a window, with how often and when each was seen. Spans
 * are deduplicated first, so a re-sent span never inflates a count.
 * Ordered by name, then version as a number, one keyset page at a time.
 */

import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import { type TimeBound, windowParams } from '../read/time-window.js'
import { pageSize } from '../search/window.js'

export interface ModelPromptsOptions {
  projectId: string
  modelId: string
  /** Spans starting in [from, to). */
  from: TimeBound
  to: TimeBound
  /** Default 100, at most 1000. */
  limit?: number
  cursor?: string
}

export interface ModelPromptUse {
  promptName: string
  /** As stamped on the spans; empty when a span named only the prompt. */
  promptVersion: string
  traceCount: number
  spanCount: number
  /** First and last span start, ns strings. */
  firstSeen: string
  lastSeen: string
}

export interface ModelPromptPage {
  items: ModelPromptUse[]
  nextCursor?: string
}

interface PromptRow {
  prompt_name: string
  prompt_version: string
  vnum: string
  traces: string | number
  spans: string | number
  first_seen: string
  last_seen: string
}

const TEXT = /^[\s\S]{0,1024}$/
const VNUM = /^[0-9]{1,20}$/

export async function modelPrompts(ch: ClickHouse, options: ModelPromptsOptions): Promise<ModelPromptPage> {
  const limit = pageSize(options.limit, 100, 1000)
  const scope = `model-prompts:${options.modelId}`
  const after = options.cursor ? decodeCursor(options.cursor, scope, [TEXT, VNUM, TEXT]) : undefined
  const rows = await queryRows<PromptRow>(
    ch,
    `SELECT prompt_name, prompt_version, toString(toUInt64OrZero(prompt_version)) AS vnum,
    uniqExact(trace_id) AS traces, count() AS spans,
    toString(toUnixTimestamp64Nano(min(start_time))) AS first_seen,
    toString(toUnixTimestamp64Nano(max(start_time))) AS last_seen
FROM (
    SELECT trace_id, span_id, toString(prompt_name) AS prompt_name,
        toString(prompt_version) AS prompt_version, start_time
    FROM ${ch.database}.spans
    WHERE project_id = {project_id:String}
      AND start_time >= fromUnixTimestamp64Nano({from:Int64})
      AND start_time < fromUnixTimestamp64Nano({to:Int64})
      AND model_id = {model_id:String} AND prompt_name != ''
    LIMIT 1 BY trace_id, span_id
)
GROUP BY prompt_name, prompt_version
${after ? 'HAVING (prompt_name, toUInt64OrZero(prompt_version), prompt_version) > ({a_name:String}, {a_vnum:UInt64}, {a_version:String})' : ''}
ORDER BY prompt_name, toUInt64OrZero(prompt_version), prompt_version
LIMIT {limit:UInt32}`,
    {
      project_id: options.projectId,
      model_id: options.modelId,
      ...windowParams(options.from, options.to),
      a_name: after?.[0],
      a_vnum: after?.[1],
      a_version: after?.[2],
      limit: limit + 1,
    },
  )
  const items = rows.slice(0, limit).map((r) => ({
    promptName: r.prompt_name,
    promptVersion: r.prompt_version,
    traceCount: Number(r.traces),
    spanCount: Number(r.spans),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  }))
  const last = rows[limit - 1]
  return rows.length > limit && last
    ? { items, nextCursor: encodeCursor(scope, [last.prompt_name, last.vnum, last.prompt_version]) }
    : { items }
}
