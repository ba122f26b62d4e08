import { describe, expect, it } from 'vitest'
import { createExportPipeline } from '../../src/pipeline/export-pipeline.js'
import type { SpanWriter, WriteBatch } from '../../src/write/span-writer.js'
import { span, TRACE, traces } from '../normalize/build.js'

/** A writer that records batches and commits when told to. */
function fakeWriter() {
  const batches: WriteBatch[] = []
  let commit: () => void = () => {}
  const writer: SpanWriter = {
    write(batch) {
      batches.push(batch)
      return new Promise<void>((resolve) => {
        commit = resolve
      })
    },
    pendingBytes: 0,
    pooledBytes: 0,
    refused: 0,
    close: async () => {},
  }
  return { writer, batches, commit: () => commit() }
}

describe('export pipeline', () => {
  it('writes the rows, reports rejected spans, and answers only after the commit', async () => {
    const w = fakeWriter()
    const handler = createExportPipeline({ writer: w.writer, projectOf: () => 'p1' })
    let answered = false
    const request = traces([span(), span({ spanId: 'bad' })])
    const result = handler('traces', request, {}).then((r) => {
      answered = true
      return r
    })
    await new Promise((r) => setTimeout(r, 5))
    expect(w.batches).toHaveLength(1)
    expect(w.batches[0]!.spans.map((s) => [s.project_id, s.trace_id])).toEqual([['p1', TRACE]])
    expect(answered).toBe(false)
    w.commit()
    expect(await result).toEqual({
      rejected: 1,
      errorMessage: expect.stringContaining('span id must be 16 hex characters'),
    })
  })

  it('empties the decoded request before waiting for the commit, so a waiting export holds only bytes', async () => {
    const w = fakeWriter()
    const handler = createExportPipeline({ writer: w.writer, projectOf: async () => 'p1' })
    const request = traces([span(), span()])
    const result = handler('traces', request, {})
    await new Promise((r) => setTimeout(r, 5))
    expect(w.batches[0]!.spans).toHaveLength(2)
    expect(request.resourceSpans).toEqual([])
    w.commit()
    await result
  })
})
