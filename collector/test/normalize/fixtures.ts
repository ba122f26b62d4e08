import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The real-client captures copied into this repository (see the fixtures
 * README), listed per library and scenario with their signal, readable
 * JSON and wire body.
 */

export const FIXTURE_ROOT = resolve(import.meta.dirname, '../fixtures/otlp')

export interface Fixture {
  library: string
  scenario: string
  file: string
  signal: 'traces' | 'logs' | 'metrics'
  /** OTLP/JSON: the body itself, or the `.decoded.json` view of a protobuf body. */
  json: unknown
  /** The body as sent (decompressed), and how it was encoded. */
  body: Buffer
  format: 'json' | 'protobuf'
}

export function loadFixtures(): Fixture[] {
  const out: Fixture[] = []
  for (const library of readdirSync(FIXTURE_ROOT)) {
    const dir = join(FIXTURE_ROOT, library)
    if (!library.match(/^[a-z-]+$/) || library === 'README.md') continue
    for (const meta of readdirSync(dir).filter((f) => f.endsWith('.meta.json'))) {
      const base = meta.slice(0, -'.meta.json'.length)
      const info = JSON.parse(readFileSync(join(dir, meta), 'utf8'))
      const format = String(info.contentType).includes('json') ? 'json' : 'protobuf'
      const bodyFile = format === 'json' ? `${base}.json` : `${base}.bin`
      const viewFile = format === 'json' ? `${base}.json` : `${base}.decoded.json`
      out.push({
        library,
        scenario: base.replace(/-\d+$/, ''),
        file: `${library}/${base}`,
        signal: info.signal,
        json: JSON.parse(readFileSync(join(dir, viewFile), 'utf8')),
        body: readFileSync(join(dir, bodyFile)),
        format,
      })
    }
  }
  return out
}
