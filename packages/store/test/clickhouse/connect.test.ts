import { describe, expect, it } from 'vitest'
import { createClickHouse, StoreConfigError } from '../../src/clickhouse/index.js'
import { rows, testDataDir } from './helpers.js'

describe('createClickHouse', () => {
  it.each([
    ['not a url', /not a valid URL/],
    ['ftp://ch.example:21', /protocol "ftp:"/],
    ['localhost:8123', /protocol|not a valid URL/],
  ])('rejects the url %j with a clear error', (url, message) => {
    expect(() => createClickHouse({ url })).toThrow(StoreConfigError)
    expect(() => createClickHouse({ url })).toThrow(message)
  })

  it('never echoes a password from a bad url', () => {
    expect(() => createClickHouse({ url: 'ftp://user:hunter2@host' })).toThrow(/\*\*\*@host/)
    expect(() => createClickHouse({ url: 'ftp://user:hunter2@host' })).not.toThrow(/hunter2/)
  })

  it('rejects names that would be spliced into SQL', () => {
    expect(() => createClickHouse({ dataDir: testDataDir, database: 'a; DROP TABLE x' })).toThrow(
      StoreConfigError,
    )
    expect(() => createClickHouse({ url: 'http://h:8123', cluster: 'x y' })).toThrow(StoreConfigError)
    expect(() => createClickHouse({ dataDir: testDataDir, retentionDays: 0 })).toThrow(StoreConfigError)
  })

  it('needs a url or a data directory', () => {
    expect(() => createClickHouse({})).toThrow(/url .* or dataDir/)
  })

  it('accepts a remote url without connecting', async () => {
    const ch = createClickHouse({ url: 'https://ch.example:8443', cluster: 'main' })
    expect(ch).toMatchObject({ database: 'assay', cluster: 'main', embedded: false })
    await ch.close()
  })

  it('shares one embedded engine per path and refuses a second path', async () => {
    const a = createClickHouse({ dataDir: testDataDir })
    const b = createClickHouse({ dataDir: `${testDataDir}/` })
    expect(b.client).toBe(a.client)
    expect(() => createClickHouse({ dataDir: `${testDataDir}-other` })).toThrow(
      /one data directory per process/,
    )
    await a.close()
    expect(await rows(b, 'SELECT 1 AS one')).toEqual([{ one: 1 }])
    await b.close()
  })
})
