import type { PriceEntry, PriceTable } from './types.js'

/**
 * Finds the price in force for a model at a time. Candidates are ranked by
 * tier (`priority`), then by how specific the pattern is (its count of
 * literal characters, so `gpt-4o-mini*` beats `gpt-4o*`), then by the most
 * recent `effectiveFrom` not after the time. The ranking per model name is
 * cached per table, because an export repeats the same few models.
 */

interface Compiled {
  entry: PriceEntry
  regex: RegExp
  priority: number
  specificity: number
  fromMs: number
}

interface TableCache {
  compiled: Compiled[]
  byModel: Map<string, Compiled[]>
}

const MAX_CACHED_MODELS = 4096
const caches = new WeakMap<PriceTable, TableCache>()

/** Vendor prefixes seen in hosted model ids, e.g. Bedrock's `us.anthropic.claude-...`. */
const VENDOR_PREFIX = /^(?:[a-z]{2}\.)?(?:anthropic|openai|google|meta|amazon|mistral|cohere)\./

/** Lowercases and drops a provider path (`openai/gpt-4o`, `models/gemini-2.0-flash`) and a vendor prefix. */
export function normalizeModelName(model: string): string {
  let m = model.trim().toLowerCase()
  const slash = m.lastIndexOf('/')
  if (slash >= 0) m = m.slice(slash + 1)
  return m.replace(VENDOR_PREFIX, '')
}

function globToRegex(pattern: string): RegExp {
  const body = pattern
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${body}$`)
}

function compile(table: PriceTable): TableCache {
  const compiled = table.entries.map((entry) => ({
    entry,
    regex: globToRegex(entry.pattern),
    priority: entry.priority ?? 0,
    specificity: entry.pattern.replaceAll('*', '').length,
    fromMs: Date.parse(entry.effectiveFrom),
  }))
  return { compiled, byModel: new Map() }
}

function rank(a: Compiled, b: Compiled): number {
  return b.priority - a.priority || b.specificity - a.specificity || b.fromMs - a.fromMs
}

/**
 * The entry pricing `model` at `atMs` (ms since the epoch), or undefined when no entry matches.
 *
 * @example findPrice(DEFAULT_PRICE_TABLE, 'gpt-4o-mini-2024-07-18', Date.now())?.input // 0.15
 */
export function findPrice(table: PriceTable, model: string, atMs: number): PriceEntry | undefined {
  if (model === '') return undefined
  let cache = caches.get(table)
  if (!cache) {
    cache = compile(table)
    caches.set(table, cache)
  }
  const name = normalizeModelName(model)
  let candidates = cache.byModel.get(name)
  if (!candidates) {
    candidates = cache.compiled.filter((c) => c.regex.test(name)).sort(rank)
    if (cache.byModel.size >= MAX_CACHED_MODELS) cache.byModel.clear()
    cache.byModel.set(name, candidates)
  }
  // Sorted by tier and specificity first, so the first entry already in force is the answer.
  for (const c of candidates) if (c.fromMs <= atMs) return c.entry
  return undefined
}
