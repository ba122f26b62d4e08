// Prints one closing line for the whole suite, summed over every package's
// vitest JSON report: "tests: N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const packageDirs = ['packages', 'apps'].flatMap((d) =>
  existsSync(d) ? readdirSync(d).map((name) => join(d, name)) : [],
)
packageDirs.push('collector', 'evals')

let passed = 0
let failed = 0
let skipped = 0
for (const dir of packageDirs) {
  const file = join(dir, '.vitest-results.json')
  if (!existsSync(file)) continue
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests ?? 0
  failed += report.numFailedTests ?? 0
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
