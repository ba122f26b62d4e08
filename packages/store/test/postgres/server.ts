import { execFile, execFileSync } from 'node:child_process'
import { chownSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

/**
 * A throwaway PostgreSQL server for the tests of the `url` driver: Debian's
 * binaries, a fresh cluster in a temp dir, a free port on 127.0.0.1, trust
 * auth. Postgres refuses to run as root, so as root every command runs as
 * the `postgres` user, who must own the directory.
 */

const run = promisify(execFile)
const PG_ROOT = '/usr/lib/postgresql'

export interface TestPostgresServer {
  url: string
  stop(): Promise<void>
}

function findBinDir(): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions.length === 0) {
    throw new Error(
      `PostgreSQL server binaries not found under ${PG_ROOT}/*/bin; the store's tests start a real server. ` +
        'Install them with: apt-get install -y postgresql',
    )
  }
  return join(PG_ROOT, versions[0]!, 'bin')
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

export async function startTestPostgres(): Promise<TestPostgresServer> {
  const bin = findBinDir()
  const asRoot = process.getuid?.() === 0
  const exec = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args)

  const dir = await mkdtemp(join(tmpdir(), 'assay-pg-'))
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
    chownSync(dir, uid, gid)
  }
  const data = join(dir, 'data')
  const log = join(dir, 'server.log')
  const port = await freePort()
  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'])
    // Durability settings off: the cluster lives for one test run.
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
    await exec('pg_ctl', ['-D', data, '-l', log, '-o', serverOptions, '-w', '-t', '60', 'start'])
  } catch (error) {
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : ''
    await rm(dir, { recursive: true, force: true })
    throw new Error(`could not start the test PostgreSQL server: ${String(error)}\n${serverLog}`)
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
      await rm(dir, { recursive: true, force: true })
    },
  }
}
