/**
 * A real Assay for the runner's tests, in this process: the API under
 * `/api` and the OTLP/HTTP collector on one port (as `assay serve` mounts
 * them), so the SDK's exports and the runner's API calls meet the same
 * storage. ClickHouse is this worker's chDB (one data directory per
 * process, as chDB requires) with a fresh database; Postgres an in-memory
 * PGlite. The harness in packages/api serves only the API, and the SDK
 * needs the collector too.
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApi } from '@assay/api'
import { createExportPipeline, createSpanWriter, fillSpansFromEvents, otlpRoutes } from '@assay/collector'
import {
  createClickHouse,
  createPostgres,
  ensureDefaultProject,
  migrateClickHouse,
  migratePostgres,
} from '@assay/store'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const chDir = join(tmpdir(), `assay-evals-test-ch-${process.pid}`)
process.once('exit', () => rmSync(chDir, { recursive: true, force: true }))

export interface TestAssay {
  /** Base URL (OTLP at /v1/traces, API at /api). */
  url: string
  // biome-ignore lint/suspicious/noExplicitAny: tests check response bodies field by field
  get(path: string): Promise<{ status: number; body: any }>
  // biome-ignore lint/suspicious/noExplicitAny: tests check response bodies field by field
  post(path: string, body: unknown): Promise<{ status: number; body: any }>
  close(): Promise<void>
}

export async function startTestAssay(): Promise<TestAssay> {
  const clickhouse = createClickHouse({ dataDir: chDir, database: `t_${randomBytes(6).toString('hex')}` })
  await migrateClickHouse(clickhouse)
  const postgres = await createPostgres({})
  await migratePostgres(postgres)
  const project = await ensureDefaultProject(postgres.db)
  const writer = createSpanWriter(clickhouse, {})
  const handler = createExportPipeline({ writer, projectOf: () => project.id })
  const api = createApi({
    clickhouse,
    postgres,
    projectOf: () => project.id,
    enrichSpans: fillSpansFromEvents,
  })
  const app = new Hono()
  app.route('/', otlpRoutes({ handler, limitBytes: 64 * 1024 * 1024 }))
  app.route('/api', api)
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
  return {
    url,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await writer.close()
      await clickhouse.client.command({ query: `DROP DATABASE IF EXISTS ${clickhouse.database} SYNC` })
      await clickhouse.close()
      await postgres.close()
    },
  }
}
