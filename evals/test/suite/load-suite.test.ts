// Suite files as users get them wrong: each mistake is a SuiteError naming the file.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSuite, resolveSuiteDataset, SuiteError } from '../../src/suite/index.js'

const dir = mkdtempSync(path.join(tmpdir(), 'assay-suites-'))
writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}')
writeFileSync(path.join(dir, 'rows.jsonl'), '{"inputs":{"q":1},"expectations":{"expected":1}}\n')
const scorer = "{ name: 'exact', kind: 'code', score: async () => ({}) }"
function suite(name: string, body: string): string {
  const file = path.join(dir, name)
  writeFileSync(file, body)
  return file
}
async function refusal(file: string): Promise<string> {
  const error = await loadSuite(file).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SuiteError)
  return (error as Error).message
}

describe('loadSuite', () => {
  it('loads a default export, names it after the file, and finds its dataset beside it', async () => {
    const file = suite(
      'qa.eval.ts',
      `export default { dataset: './rows.jsonl', task: (x: unknown) => x, scorers: [${scorer}], thresholds: { exact: { minPassRate: 1 } } }`,
    )
    const loaded = await loadSuite(file)
    expect(loaded.suite.name).toBe('qa')
    const dataset = await resolveSuiteDataset(loaded, undefined)
    expect(dataset.rows).toEqual([{ id: '1', inputs: { q: 1 }, expectations: { expected: 1 } }])
  })

  it('loads named exports', async () => {
    const file = suite(
      'named.eval.ts',
      `export const name = 'n'; export const dataset = [{ inputs: 1 }]; export const task = (x: unknown) => x; export const scorers = [${scorer}]`,
    )
    expect((await loadSuite(file)).suite.name).toBe('n')
  })

  it('refuses what cannot run, naming the file and the problem', async () => {
    expect(await refusal(path.join(dir, 'nope.eval.ts'))).toMatch(/no such suite file/)
    expect(await refusal(suite('syntax.eval.ts', 'export default {'))).toMatch(
      /syntax\.eval\.ts: the suite file could not be loaded/,
    )
    expect(await refusal(suite('throws.eval.ts', "throw new Error('no key')"))).toMatch(
      /could not be loaded: no key/,
    )
    expect(
      await refusal(suite('nodata.eval.ts', `export default { task: () => 1, scorers: [${scorer}] }`)),
    ).toMatch(/exports no 'dataset'/)
    expect(
      await refusal(suite('notask.eval.ts', `export default { dataset: [], scorers: [${scorer}] }`)),
    ).toMatch(/no 'task' function/)
    expect(
      await refusal(suite('noscorers.eval.ts', 'export default { dataset: [], task: () => 1, scorers: [] }')),
    ).toMatch(/'scorers' must be a non-empty array/)
    expect(
      await refusal(
        suite(
          'dup.eval.ts',
          `export default { dataset: [], task: () => 1, scorers: [${scorer}, ${scorer}] }`,
        ),
      ),
    ).toMatch(/two scorers are named 'exact'/)
    expect(
      await refusal(
        suite(
          'badthreshold.eval.ts',
          `export default { dataset: [], task: () => 1, scorers: [${scorer}], thresholds: { exactt: { minMean: 1 } } }`,
        ),
      ),
    ).toMatch(/thresholds name 'exactt', which is not a scorer/)
    expect(
      await refusal(
        suite(
          'badkey.eval.ts',
          `export default { dataset: [], task: () => 1, scorers: [${scorer}], thresholds: { exact: { min: 1 } } }`,
        ),
      ),
    ).toMatch(/thresholds\.exact\.min is not a threshold/)
  })
})
