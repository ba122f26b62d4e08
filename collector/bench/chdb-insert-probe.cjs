/**
 * Preloaded into the benchmarked `assay serve` (`node --require`): reports
 * every INSERT the server sends to chDB on stderr — table, rows, bytes and
 * milliseconds — so the benchmark learns the batch sizes the group-commit
 * writer really formed and how much wall time the engine took. It only
 * observes: the body is materialized once (as chDB's connection does
 * anyway) and handed on unchanged as a string, which that connection
 * accepts in place of a stream.
 */
const { createRequire } = require('node:module')
const path = require('node:path')

const fromServer = createRequire(path.resolve(__dirname, '../../packages/store/package.json'))
const { ChdbConnection } = fromServer('chdb/connection')

const INSERT = /^\s*INSERT INTO\s+(?:\S+\.)?(\w+)\s/i

async function materialize(values) {
  if (typeof values === 'string') return values
  const chunks = []
  for await (const chunk of values) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks).toString('utf8')
}

/** Lines of a body, a string or bytes (a trailing newline ends the last line, it starts none). */
function countLines(body) {
  if (body.length === 0) return 0
  const bytes = typeof body === 'string' ? null : Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  const hay = bytes ?? body
  const nl = bytes ? 10 : '\n'
  let n = 1
  for (let i = hay.indexOf(nl); i !== -1; i = hay.indexOf(nl, i + 1)) n++
  const last = bytes ? bytes[bytes.length - 1] === 10 : body.endsWith('\n')
  return last ? n - 1 : n
}

const exec = ChdbConnection.prototype.exec
ChdbConnection.prototype.exec = async function probedExec(params) {
  const match = params.values === undefined ? null : INSERT.exec(params.query)
  if (!match) return exec.call(this, params)
  const body = await materialize(params.values)
  const t0 = performance.now()
  const result = await exec.call(this, { ...params, values: body })
  const ms = performance.now() - t0
  process.stderr.write(
    `[insert-probe] ${JSON.stringify({ table: match[1], rows: countLines(body), bytes: Buffer.byteLength(body), ms })}\n`,
  )
  return result
}

// Embedded inserts go through the connection's native raw insert
// (`conn.chdb.rawInsert`); observe those too.
const chdbGetter = Object.getOwnPropertyDescriptor(ChdbConnection.prototype, 'chdb').get
const probed = new WeakMap()
Object.defineProperty(ChdbConnection.prototype, 'chdb', {
  get() {
    const ext = chdbGetter.call(this)
    if (!probed.has(ext)) {
      probed.set(ext, {
        ...ext,
        async rawInsert(params) {
          const t0 = performance.now()
          const result = await ext.rawInsert(params)
          const ms = performance.now() - t0
          // Count on the bytes as they are: decoding a 10+ MB body to a string
          // just to count its lines would cost the server as much as a stage.
          const body = typeof params.values === 'string' ? Buffer.from(params.values) : params.values
          const table = String(params.table).split('.').pop()
          process.stderr.write(
            `[insert-probe] ${JSON.stringify({ table, rows: countLines(body), bytes: body.byteLength, ms })}\n`,
          )
          return result
        },
      })
    }
    return probed.get(ext)
  },
})
