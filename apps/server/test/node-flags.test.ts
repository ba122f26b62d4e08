/**
 * The server's Node flags (bin/assay.js explains them) are given in three
 * places a user starts it from: the binary's shebang, `npm start`, and the
 * Dockerfile. This holds them equal, and runs the binary through its
 * shebang so a flag Node does not accept (or an `env` without -S) fails here.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../..')
const bin = path.join(root, 'apps/server/bin/assay.js')

function shebangFlags(): string[] {
  const first = fs.readFileSync(bin, 'utf8').split('\n')[0]!
  const match = /^#!\/usr\/bin\/env -S node((?: --[\w-]+(?:=\S+)?)*)$/.exec(first)
  expect(match, `shebang: ${first}`).not.toBeNull()
  return match![1]!.trim().split(' ').filter(Boolean)
}

describe('the server is started with the same Node flags everywhere', () => {
  it('has flags in its shebang', () => {
    expect(shebangFlags()).toContain('--max-semi-space-size=64')
  })

  it('npm start passes the same flags', () => {
    const start: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start
    expect(start).toBe(`node ${shebangFlags().join(' ')} apps/server/bin/assay.js serve`)
  })

  it('the Dockerfile passes the same flags', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? 'null') as string[]
    expect(cmd).toEqual(['node', ...shebangFlags(), 'apps/server/bin/assay.js', 'serve'])
  })

  it('runs as an executable through its shebang', () => {
    expect(execFileSync(bin, ['version'], { encoding: 'utf8' })).toMatch(/^assay \d+\.\d+\.\d+/)
  })
})
