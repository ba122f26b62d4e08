import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config/config.js'

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({})
    expect(config.port).toBe(4318)
    expect(config.host).toBe('127.0.0.1')
    expect(config.dataDir).toBe(path.resolve('./.assay'))
    expect(config.clickhouse.url).toBeUndefined()
    expect(config.clickhouse.database).toBe('assay')
    expect(config.postgres.url).toBeUndefined()
  })

  it('lets flags win over the environment, and the environment over defaults', () => {
    const config = loadConfig({ PORT: '5000', HOST: '0.0.0.0' }, { port: '6000' })
    expect(config.port).toBe(6000)
    expect(config.host).toBe('0.0.0.0')
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', CLICKHOUSE_URL: '' }).port).toBe(4318)
  })

  it('does not mutate the environment it is given', () => {
    const env = { PORT: '5000' }
    loadConfig(env, { port: '7000' })
    expect(env).toEqual({ PORT: '5000' })
  })

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a number/],
    [{ PORT: '70000' }, /^PORT must be between 0 and 65535/],
    [{ CLICKHOUSE_URL: 'localhost:8123' }, /^CLICKHOUSE_URL must be an http\(s\) URL/],
    [{ CLICKHOUSE_URL: 'ftp://x' }, /^CLICKHOUSE_URL must be an http\(s\) URL/],
    [{ DATABASE_URL: 'mysql://x/y' }, /^DATABASE_URL must be a postgres:\/\/ URL/],
    [{ CLICKHOUSE_DATABASE: 'a;drop' }, /^CLICKHOUSE_DATABASE must be a plain identifier/],
    [{ CLICKHOUSE_CLUSTER: 'c1' }, /^CLICKHOUSE_CLUSTER needs CLICKHOUSE_URL/],
    [{ ASSAY_LOG_LEVEL: 'loud' }, /^ASSAY_LOG_LEVEL/],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('turns auth on by itself only off loopback, and obeys ASSAY_AUTH', () => {
    expect(loadConfig({}).auth).toEqual({ required: false, adminSecret: undefined })
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'])
      expect(loadConfig({ HOST: host }).auth.required, host).toBe(false)
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'assay.example.com'])
      expect(loadConfig({ HOST: host }).auth.required, host).toBe(true)
    expect(loadConfig({ ASSAY_AUTH: 'on' }).auth.required).toBe(true)
    expect(loadConfig({ ASSAY_AUTH: 'off', HOST: '0.0.0.0' }).auth.required).toBe(false)
    expect(loadConfig({ ASSAY_ADMIN_SECRET: 'a-long-enough-secret' }).auth.adminSecret).toBe(
      'a-long-enough-secret',
    )
  })

  it.each([
    [{ ASSAY_AUTH: 'yes' }, /^ASSAY_AUTH must be 'auto', 'on' or 'off'/],
    [{ ASSAY_ADMIN_SECRET: 'short' }, /^ASSAY_ADMIN_SECRET must be at least 16 characters$/],
  ])('rejects auth setting %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('never echoes a password back', () => {
    expect(() => loadConfig({ CLICKHOUSE_PASSWORD: 'x', CLICKHOUSE_URL: 'nope' })).not.toThrow(/"x"/)
  })
})
