// `assay serve` as a user runs it: a child process on embedded storage.
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runAssay, startAssay } from './server-process.js'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-serve-test-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('assay serve', () => {
  it('answers /healthz and /readyz, and exits 0 on SIGTERM', async () => {
    const dataDir = path.join(tmp, 'basic')
    const assay = await startAssay({ ASSAY_DATA_DIR: dataDir })
    try {
      expect((await fetch(`${assay.url}/healthz`)).status).toBe(200)
      const ready = await fetch(`${assay.url}/readyz`)
      expect(ready.status).toBe(200)
      expect(await ready.json()).toEqual({ status: 'ready' })
      expect(fs.existsSync(path.join(dataDir, 'assay.lock'))).toBe(true)
    } finally {
      expect(await assay.stop('SIGTERM')).toBe(0)
    }
    expect(assay.stdout()).toContain('"msg":"assay stopped"')
    expect(fs.existsSync(path.join(dataDir, 'assay.lock'))).toBe(false)
  })

  it('keeps a span written before a restart', async () => {
    const dataDir = path.join(tmp, 'restart')
    const traceId = '0af7651916cd43dd8448eb211c80319c'
    const now = BigInt(Date.now()) * 1_000_000n
    const exportBody = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'restart-test' } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId,
                  spanId: 'b7ad6b7169203331',
                  name: 'chat gpt-4o-mini',
                  kind: 3,
                  startTimeUnixNano: String(now - 1_000_000_000n),
                  endTimeUnixNano: String(now),
                  attributes: [{ key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o-mini' } }],
                },
              ],
            },
          ],
        },
      ],
    }
    const first = await startAssay({ ASSAY_DATA_DIR: dataDir })
    const sent = await fetch(`${first.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(exportBody),
    })
    expect(sent.status).toBe(200)
    expect(await first.stop()).toBe(0)

    const second = await startAssay({ ASSAY_DATA_DIR: dataDir })
    try {
      const res = await fetch(`${second.url}/api/traces/${traceId}`)
      expect(res.status).toBe(200)
      const trace = (await res.json()) as { spans: Record<string, unknown>[] }
      expect(trace.spans).toHaveLength(1)
      expect(trace.spans[0]).toMatchObject({
        name: 'chat gpt-4o-mini',
        model_request: 'gpt-4o-mini',
        service_name: 'restart-test',
        start_time: String(now - 1_000_000_000n),
      })
    } finally {
      expect(await second.stop()).toBe(0)
    }
  })

  it('refuses a second server on the same data directory, with one clear line', async () => {
    const dataDir = path.join(tmp, 'shared')
    const first = await startAssay({ ASSAY_DATA_DIR: dataDir })
    try {
      const second = await runAssay(['serve'], { ASSAY_DATA_DIR: dataDir })
      expect(second.code).toBe(2)
      expect(second.stderr.trim().split('\n')).toHaveLength(1)
      expect(second.stderr).toMatch(/is in use by another Assay server \(pid \d+\)/)
      // The first server is unharmed.
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200)
    } finally {
      expect(await first.stop()).toBe(0)
    }
  })

  it('takes over a stale lock left by a killed server', async () => {
    const dataDir = path.join(tmp, 'stale')
    const first = await startAssay({ ASSAY_DATA_DIR: dataDir })
    await first.stop('SIGKILL')
    expect(fs.existsSync(path.join(dataDir, 'assay.lock'))).toBe(true)
    const second = await startAssay({ ASSAY_DATA_DIR: dataDir })
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200)
    expect(await second.stop()).toBe(0)
  })

  it('exits 2 naming the port when it is already in use', async () => {
    const blocker = net.createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()))
    const port = (blocker.address() as net.AddressInfo).port
    try {
      const result = await runAssay(['serve'], { ASSAY_DATA_DIR: path.join(tmp, 'port'), PORT: String(port) })
      expect(result.code).toBe(2)
      expect(result.stderr.trim()).toBe(
        `assay: PORT ${port} on 127.0.0.1 is already in use; stop the other process or set PORT`,
      )
      // The lock was released on the way out.
      expect(fs.existsSync(path.join(tmp, 'port', 'assay.lock'))).toBe(false)
    } finally {
      blocker.close()
    }
  })

  it('exits 2 when the data directory cannot be written', async () => {
    const file = path.join(tmp, 'a-file')
    fs.writeFileSync(file, '')
    const result = await runAssay(['serve'], { ASSAY_DATA_DIR: path.join(file, 'data') })
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toMatch(/^assay: ASSAY_DATA_DIR .* cannot be written \(ENOTDIR\)/)
  })

  it('exits 2 on a malformed CLICKHOUSE_URL', async () => {
    const result = await runAssay(['serve'], {
      ASSAY_DATA_DIR: path.join(tmp, 'x'),
      CLICKHOUSE_URL: 'localhost:8123',
    })
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toBe(
      'assay: CLICKHOUSE_URL must be an http(s) URL such as http://localhost:8123 (got "localhost:8123")',
    )
  })

  it('migrates with `assay migrate` and exits 0', async () => {
    const result = await runAssay(['migrate'], { ASSAY_DATA_DIR: path.join(tmp, 'migrate') })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('"msg":"migrations applied"')
  })
})
