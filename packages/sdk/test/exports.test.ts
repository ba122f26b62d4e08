/**
 * Every subpath in package.json's `exports` resolves, and loads, from both
 * module systems, with the same public names. Runs against `dist/` (built
 * before the tests by turbo) in child processes, as a user's app would.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const subpaths = Object.keys(pkg.exports).filter((p) => p !== './package.json')
// Starts nothing that outlives the check: no exit flush, nowhere to send.
const env = { PATH: process.env.PATH ?? '', ASSAY_URL: 'http://127.0.0.1:9' }

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', timeout: 30_000 })
}

describe('package exports', () => {
  it('lists . and ./register, each with import, require and types', () => {
    expect(subpaths).toEqual(['.', './register'])
    for (const sub of subpaths) {
      const entry = pkg.exports[sub]
      for (const condition of ['import', 'require']) {
        expect(entry[condition].types).toMatch(/\.d\.c?ts$/)
        expect(entry[condition].default).toMatch(/\.c?js$/)
      }
    }
  })

  it.each(subpaths)('%s loads with import() and require()', (sub) => {
    const specifier = path.posix.join('@assay/sdk', sub)
    const esm = node([
      '--input-type=module',
      '-e',
      `const m = await import('${specifier}'); console.log(JSON.stringify(Object.keys(m).sort()))`,
    ])
    const cjs = node(['-e', `console.log(JSON.stringify(Object.keys(require('${specifier}')).sort()))`])
    expect(JSON.parse(cjs)).toEqual(JSON.parse(esm).filter((k: string) => k !== 'default'))
    if (sub === '.')
      expect(JSON.parse(esm)).toEqual(
        expect.arrayContaining(['init', 'trace', 'withSpan', 'prompts', 'feedback', 'flush']),
      )
  })
})
