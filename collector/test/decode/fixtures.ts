/**
 * The captured real-client exports under test/fixtures/otlp (copied from the
 * shared fixtures so the repository tests on its own), with their sidecars.
 */

import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface Fixture {
  /** e.g. 'otel-genai-proto/chat-2' */
  name: string
  client: string
  scenario: string
  signal: 'traces' | 'logs' | 'metrics'
  format: 'protobuf' | 'json'
  contentType: string
  /** How it was sent: the stored body is decompressed. */
  contentEncoding: string
  body: Buffer
  /** For a .bin: its OTLP/JSON view (.decoded.json). */
  jsonView: Buffer | null
}

const root = fileURLToPath(new URL('../fixtures/otlp/', import.meta.url))

function load(): Fixture[] {
  const out: Fixture[] = []
  for (const client of readdirSync(root, { withFileTypes: true })) {
    if (!client.isDirectory()) continue
    const dir = `${root}${client.name}/`
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.meta.json'))
      .sort()) {
      const meta = JSON.parse(readFileSync(dir + file, 'utf8'))
      const bodyFile: string = meta.bodyFile
      const viewFile = bodyFile.replace(/\.bin$/, '.decoded.json')
      out.push({
        name: `${client.name}/${file.replace('.meta.json', '')}`,
        client: client.name,
        scenario: meta.scenario,
        signal: meta.signal,
        format: meta.contentType.includes('json') ? 'json' : 'protobuf',
        contentType: meta.contentType,
        contentEncoding: meta.contentEncoding,
        body: readFileSync(dir + bodyFile),
        jsonView: viewFile === bodyFile ? null : readFileSync(dir + viewFile),
      })
    }
  }
  return out
}

export const fixtures = load()

/** The traces and logs exports (metrics are not Assay's to decode). */
export const exportFixtures = fixtures.filter(
  (f): f is Fixture & { signal: 'traces' | 'logs' } => f.signal !== 'metrics',
)
