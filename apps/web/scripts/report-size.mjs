// After `next build`: the JavaScript each page loads first, compressed as the
// server sends it (brotli, and gzip for clients without it), from the
// <script src> tags of its exported HTML. Fails the build past the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const out = path.resolve(import.meta.dirname, '../out')
const BUDGET_KB = 500

function pages(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return name === '_next' ? [] : pages(file)
    return name.endsWith('.html') && !name.startsWith('_') && name !== '404.html' ? [file] : []
  })
}

const sizes = new Map()
function compressed(src) {
  if (!sizes.has(src)) {
    const body = readFileSync(path.join(out, src))
    sizes.set(src, {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length,
    })
  }
  return sizes.get(src)
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`
let worst = 0
console.log('first-load JavaScript per page (raw / gzip / brotli):')
for (const file of pages(out).sort()) {
  const html = readFileSync(file, 'utf8')
  // Modern browsers skip `nomodule` scripts (the legacy polyfills), so they are not counted.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"[^>]*>/g)].filter(
    (m) => !/\bnomodule\b/i.test(m[0]),
  )
  const srcs = [...new Set(tags.map((m) => m[1].replace(/^\//, '')))]
  const total = srcs
    .map(compressed)
    .reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, br: t.br + s.br }), {
      raw: 0,
      gzip: 0,
      br: 0,
    })
  worst = Math.max(worst, total.gzip)
  const page = `/${path.relative(out, file).replace(/(index)?\.html$/, '')}`
  console.log(
    `  ${page.padEnd(18)} ${kb(total.raw).padStart(10)} ${kb(total.gzip).padStart(10)} ${kb(total.br).padStart(10)}  (${srcs.length} files)`,
  )
}
console.log(`largest first load: ${kb(worst)} gzip (budget ${BUDGET_KB} KB)`)
if (worst > BUDGET_KB * 1024) {
  console.error(`over budget: ${kb(worst)} > ${BUDGET_KB} KB`)
  process.exit(1)
}
