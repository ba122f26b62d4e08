/**
 * The captured real-client exports in collector/test/fixtures/otlp, with
 * how each was sent (see that folder's README): path, content type, and
 * gzip (bodies are stored decompressed, so a faithful replay compresses).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface CapturedExport {
  /** e.g. 'otel-genai-proto/chat-2' */
  name: string
  client: string
  scenario: string
  signal: 'traces' | 'logs' | 'metrics'
  path: string
  contentType: string
  contentEncoding: string
  body: Buffer
  /** Trace ids in the export (from its readable JSON view). */
  traceIds: string[]
}

const root = fileURLToPath(new URL('../../../../../collector/test/fixtures/otlp/', import.meta.url))

export function loadCapturedExports(): CapturedExport[] {
  const out: CapturedExport[] = []
  for (const client of readdirSync(root, { withFileTypes: true })) {
    if (!client.isDirectory()) continue
    const dir = `${root}${client.name}/`
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.meta.json'))
      .sort()) {
      const meta = JSON.parse(readFileSync(dir + file, 'utf8'))
      const view: string = meta.bodyFile.replace(/\.bin$/, '.decoded.json')
      const ids = readFileSync(dir + view, 'utf8').matchAll(/"traceId":\s*"([0-9a-fA-F]+)"/g)
      out.push({
        name: `${client.name}/${file.replace('.meta.json', '')}`,
        client: client.name,
        scenario: meta.scenario,
        signal: meta.signal,
        path: meta.path,
        contentType: meta.contentType,
        contentEncoding: meta.contentEncoding,
        body: readFileSync(dir + meta.bodyFile),
        traceIds: [...new Set([...ids].map((m) => m[1]!.toLowerCase()))],
      })
    }
  }
  return out
}
