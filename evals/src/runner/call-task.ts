/**
 * Calls the user's task on one dataset row as the root span of a new
 * trace, so the row's model calls, retrievals and tools nest under it. A
 * task that throws is the item's error (and an error span), never the
 * run's.
 */
import { currentTraceId, setTraceAttributes, withSpan } from '@assay/sdk'
import type { DatasetRow } from '../datasets/dataset-row.js'
import type { EvalTask } from './run-types.js'
import { messageOf } from './safe-score.js'

export interface TaskOutcome {
  outputs: unknown
  error: string | null
  /** Undefined when tracing is off (no Assay to record to). */
  traceId: string | undefined
  latencyMs: number
}

export interface TaskSpanInfo {
  spanName: string
  runId: string | undefined
}

export async function callTask(task: EvalTask, row: DatasetRow, info: TaskSpanInfo): Promise<TaskOutcome> {
  const started = performance.now()
  let traceId: string | undefined
  try {
    const outputs = await withSpan(
      info.spanName,
      async () => {
        traceId = validTraceId(currentTraceId())
        // Lets the dashboard and the filter language find a run's traces and an item's row.
        setTraceAttributes({
          tags: ['eval'],
          metadata: { ...(info.runId ? { eval_run_id: info.runId } : {}), eval_item: row.id ?? '' },
        })
        return await task(row.inputs, row)
      },
      { kind: 'CHAIN', input: row.inputs },
    )
    return { outputs, error: null, traceId, latencyMs: performance.now() - started }
  } catch (error) {
    return {
      outputs: undefined,
      error: `task failed: ${messageOf(error)}`,
      traceId,
      latencyMs: performance.now() - started,
    }
  }
}

/** With no tracer registered the span context is the all-zero invalid one: no trace. */
function validTraceId(id: string | undefined): string | undefined {
  return id && !/^0+$/.test(id) ? id : undefined
}
