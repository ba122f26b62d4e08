/**
 * Storage for the online-evaluation tests: this test worker's chDB (one
 * data directory per process) with a fresh database, and Postgres as
 * PGlite or as databases on a real PostgreSQL server, each migrated. The
 * real server is the store's test server (`startTestPostgres`); several
 * pools on one database stand for several Assay processes.
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type ClickHouse,
  createClickHouse,
  createPostgres,
  migrateClickHouse,
  migratePostgres,
  type Postgres,
  pgSchema,
} from '@assay/store'
import {
  startTestPostgres,
  type TestPostgresServer,
} from '../../../../packages/store/test/postgres/server.js'

const chDir = join(tmpdir(), `assay-server-oe-ch-${process.pid}`)
process.once('exit', () => rmSync(chDir, { recursive: true, force: true }))

export async function openClickHouse(): Promise<ClickHouse> {
  const ch = createClickHouse({ dataDir: chDir, database: `t_${randomBytes(6).toString('hex')}` })
  await migrateClickHouse(ch)
  return ch
}

export async function closeClickHouse(ch: ClickHouse): Promise<void> {
  await ch.client.command({ query: `DROP DATABASE IF EXISTS ${ch.database} SYNC` })
  await ch.close()
}

/** `handles` migrated connections to one new database (PGlite: one handle, shared). */
export interface PostgresBackend {
  kind: 'pglite' | 'postgres'
  open(handles: number): Promise<Postgres[]>
  close(): Promise<void>
}

export function pgliteBackend(): PostgresBackend {
  const opened: Postgres[] = []
  return {
    kind: 'pglite',
    async open(handles) {
      const db = await createPostgres({})
      await migratePostgres(db)
      opened.push(db)
      return Array.from({ length: handles }, () => db)
    },
    async close() {
      for (const db of opened) await db.close()
    },
  }
}

export function serverBackend(): PostgresBackend {
  let server: TestPostgresServer | undefined
  const opened: Postgres[] = []
  return {
    kind: 'postgres',
    async open(handles) {
      server ??= await startTestPostgres()
      const name = `assay_oe_${randomBytes(6).toString('hex')}`
      const admin = await createPostgres({ url: server.url })
      if (admin.kind !== 'postgres') throw new Error('expected a server connection')
      await admin.client.query(`create database "${name}"`)
      await admin.close()
      const url = new URL(server.url)
      url.pathname = `/${name}`
      const dbs = await Promise.all(
        Array.from({ length: handles }, () => createPostgres({ url: url.toString() })),
      )
      await migratePostgres(dbs[0]!)
      opened.push(...dbs)
      return dbs
    },
    async close() {
      for (const db of opened) await db.close()
      await server?.stop()
    },
  }
}

export async function newProject(db: Postgres): Promise<string> {
  const id = `p-${randomBytes(4).toString('hex')}`
  await db.db.insert(pgSchema.projects).values({ id, name: id })
  return id
}
