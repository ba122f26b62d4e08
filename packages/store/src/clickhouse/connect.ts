/**
 * The connection factory: one `@clickhouse/client` for embedded chDB and for
 * a remote server, so the SQL above it has a single implementation.
 *
 * chDB binds one data directory per process. Connections are therefore
 * cached per path and reference-counted; asking for a second path while
 * one is open is a configuration error, reported before chDB throws.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { type ClickHouseClient, createClient } from '@clickhouse/client'
import { createChdbConnection } from 'chdb/connection'
import { type ClickHouseOptions, resolveClickHouseConfig, StoreConfigError } from './config.js'

/** A ClickHouse handle: what every repository function takes as its first argument. */
export interface ClickHouse {
  client: ClickHouseClient
  database: string
  cluster?: string
  retentionDays?: number
  embedded: boolean
  /**
   * Embedded only: hands a JSONEachRow body to chDB's native parser without
   * copying it into the SQL text (the client path concatenates query and
   * body into one string). Inserts use it when present.
   */
  rawInsert?: (table: string, body: Buffer) => Promise<void>
  /** Release this handle; the embedded engine closes when its last handle does. */
  close(): Promise<void>
}

type ClientConnection = NonNullable<Parameters<typeof createClient>[0]>['connection']

interface EmbeddedEntry {
  path: string
  client: ClickHouseClient
  rawInsert: (table: string, body: Buffer) => Promise<void>
  refs: number
}

/**
 * Settings for inserts into the embedded engine. Parallel parsing splits a
 * body across a pool of parser threads; embedded, those threads share the
 * machine's cores with the JS that produces the rows, and on the 2-core
 * ingest bench the engine then spent ~45 ms CPU per 1k spans instead of
 * ~27 and ingested a third slower (the engine alone was faster without it
 * too). A remote server parses on its own cores and keeps its default.
 */
const EMBEDDED_INSERT_SETTINGS = { input_format_parallel_parsing: 0 }

// Module state is deliberate: it mirrors the process-wide chDB engine.
let embedded: EmbeddedEntry | undefined

/**
 * Open ClickHouse as configured.
 *
 * @example
 * const ch = createClickHouse({ dataDir: './.assay' })            // embedded
 * const ch = createClickHouse({ url: 'http://ch:8123', cluster: 'main' }) // remote
 */
export function createClickHouse(options: ClickHouseOptions): ClickHouse {
  const config = resolveClickHouseConfig(options)
  const base = { database: config.database, cluster: config.cluster, retentionDays: config.retentionDays }
  if (config.mode === 'remote') {
    const client = createClient({ url: config.url, username: config.username, password: config.password })
    return { ...base, client, embedded: false, close: () => client.close() }
  }
  const entry = acquireEmbedded(resolve(config.path))
  let closed = false
  return {
    ...base,
    client: entry.client,
    embedded: true,
    rawInsert: entry.rawInsert,
    async close() {
      if (closed) return
      closed = true
      await releaseEmbedded(entry)
    },
  }
}

function acquireEmbedded(path: string): EmbeddedEntry {
  if (embedded && embedded.path !== path) {
    throw new StoreConfigError(
      `embedded ClickHouse (chDB) allows one data directory per process: "${embedded.path}" is open, "${path}" was requested`,
    )
  }
  if (!embedded) {
    mkdirSync(path, { recursive: true })
    // chdb types its connection against @clickhouse/client-common's copy of the contract, which
    // @clickhouse/client re-declares; the shapes are the same, the declarations are not.
    const chdb = createChdbConnection({ path })
    const connection = chdb as unknown as ClientConnection
    const rawInsert = async (table: string, body: Buffer) => {
      await chdb.chdb.rawInsert({
        table,
        format: 'JSONEachRow',
        values: body,
        settings: EMBEDDED_INSERT_SETTINGS,
      })
    }
    embedded = { path, client: createClient({ connection }), rawInsert, refs: 0 }
  }
  embedded.refs++
  return embedded
}

async function releaseEmbedded(entry: EmbeddedEntry): Promise<void> {
  entry.refs--
  if (entry.refs > 0 || embedded !== entry) return
  embedded = undefined
  await entry.client.close()
}
