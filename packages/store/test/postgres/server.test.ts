import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, inject } from 'vitest'
import { createPostgres } from '../../src/postgres/index.js'
import { runStoreCases } from './store.cases.js'

// The contract cases on the PostgreSQL server started by test/global-setup.ts; each
// openEmpty() creates a database there, and every handle is its own connection pool.

const serverUrl = inject('postgresUrl')
const created: string[] = []

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

afterAll(async () => {
  await admin(async (client) => {
    for (const name of created) await client.query(`drop database if exists "${name}" with (force)`)
  })
})

runStoreCases({
  kind: 'postgres',
  async openEmpty(handles = 1) {
    const name = `assay_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`
    await admin((client) => client.query(`create database "${name}"`))
    created.push(name)
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    return Promise.all(Array.from({ length: handles }, () => createPostgres({ url: url.toString() })))
  },
})
