/**
 * A running API for tests: real HTTP on a free port, on embedded storage.
 * ClickHouse is this worker's chDB (one data directory per process, as chDB
 * requires) with a fresh database per harness; Postgres is an in-memory
 * PGlite, migrated, with the default project.
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type ClickHouse,
  createClickHouse,
  createPostgres,
  ensureDefaultProject,
  migrateClickHouse,
  migratePostgres,
  type Postgres,
} from '@assay/store'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { ApiDeps } from '../../src/deps.js'
import { createApi } from '../../src/index.js'

const chDir = join(tmpdir(), `assay-api-test-ch-${process.pid}`)
process.once('exit', () => rmSync(chDir, { recursive: true, force: true }))

export interface TestApi {
  /** Base URL of the API, e.g. `http://127.0.0.1:12345/api`. */
  url: string
  clickhouse: ClickHouse
  postgres: Postgres
  projectId: string
  /** GET/POST/... helper returning status and parsed JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field by the assertions
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>
  close(): Promise<void>
}

export async function startTestApi(overrides: Partial<ApiDeps> = {}): Promise<TestApi> {
  const clickhouse = createClickHouse({ dataDir: chDir, database: `t_${randomBytes(6).toString('hex')}` })
  await migrateClickHouse(clickhouse)
  const postgres = await createPostgres({})
  await migratePostgres(postgres)
  const project = await ensureDefaultProject(postgres.db)
  const api = createApi({ clickhouse, postgres, projectOf: () => project.id, ...overrides })
  const app = new Hono().route('/api', api)
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`
  return {
    url,
    clickhouse,
    postgres,
    projectId: project.id,
    async request(method, path, body) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      let parsed: unknown = text
      try {
        parsed = text === '' ? null : JSON.parse(text)
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed }
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await clickhouse.client.command({ query: `DROP DATABASE IF EXISTS ${clickhouse.database} SYNC` })
      await clickhouse.close()
      await postgres.close()
    },
  }
}
