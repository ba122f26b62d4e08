// docker-compose.yml cannot be run here (no Docker engine); this keeps it
// honest: every variable it passes to Assay must be one the configuration
// accepts, with a value that validates, and the images are the versions the
// README promises.

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ACCEPTED_ENV_VARS, loadConfig } from '../src/config/config.js'
import { DASHBOARD_DIR } from '../src/http/static.js'

const root = path.resolve(import.meta.dirname, '../../..')
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'))

describe('docker-compose.yml', () => {
  const assay = compose.services.assay
  const environment: Record<string, string> = assay.environment

  it('passes Assay only variables its configuration accepts', () => {
    const unknown = Object.keys(environment).filter((k) => !(ACCEPTED_ENV_VARS as string[]).includes(k))
    expect(unknown).toEqual([])
  })

  it('passes values that validate, pointing at the compose services', () => {
    const config = loadConfig(environment)
    expect(config.clickhouse.url).toBe('http://clickhouse:8123')
    expect(new URL(config.postgres.url!).hostname).toBe('postgres')
    expect(config.host).toBe('0.0.0.0')
  })

  it('builds Assay from the Dockerfile in the repo', () => {
    expect(assay.build).toBe('.')
    expect(fs.existsSync(path.join(root, 'Dockerfile'))).toBe(true)
  })

  it('copies every workspace into the image and ships the built dashboard where the server serves it', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')
    const workspaces: string[] = JSON.parse(
      fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
    ).workspaces
    for (const workspace of workspaces) {
      const top = workspace.split('/')[0]!
      expect(dockerfile, `COPY ${top}`).toMatch(new RegExp(`^COPY ${top} \\./${top}$`, 'm'))
    }
    expect(dockerfile).toMatch(/npm run build -w @assay\/web/)
    const served = path.relative(root, DASHBOARD_DIR)
    expect(dockerfile).toContain(`COPY --from=web /app/${served} ./${served}`)
  })

  it('uses ClickHouse 25.x or newer and Postgres 16', () => {
    const ch = /^clickhouse\/clickhouse-server:(\d+)\./.exec(compose.services.clickhouse.image)
    expect(Number(ch?.[1])).toBeGreaterThanOrEqual(25)
    expect(compose.services.postgres.image).toMatch(/^postgres:16/)
  })

  it('wires credentials consistently between services', () => {
    const chEnv = compose.services.clickhouse.environment
    expect(environment.CLICKHOUSE_USER).toBe(chEnv.CLICKHOUSE_USER)
    expect(environment.CLICKHOUSE_PASSWORD).toBe(chEnv.CLICKHOUSE_PASSWORD)
    const pgEnv = compose.services.postgres.environment
    const url = new URL(environment.DATABASE_URL!)
    expect(url.username).toBe(pgEnv.POSTGRES_USER)
    expect(url.password).toBe(pgEnv.POSTGRES_PASSWORD)
    expect(url.pathname).toBe(`/${pgEnv.POSTGRES_DB}`)
  })
})
