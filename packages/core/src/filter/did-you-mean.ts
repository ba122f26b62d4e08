/**
 * "Did you mean" by edit distance: the optimal-string-alignment distance
 * (Levenshtein plus adjacent transpositions, so `RETREIVER` is one edit from
 * `RETRIEVER`), case-insensitive, with a threshold that grows with length so
 * short words only match near-identical candidates.
 */

export function editDistance(a: string, b: string): number {
  const m = a.length
  const n = b.length
  if (m === 0) return n
  if (n === 0) return m
  // Three rolling rows: the transposition step looks two rows back.
  let prev2 = new Array<number>(n + 1).fill(0)
  let prev = Array.from({ length: n + 1 }, (_, j) => j)
  let cur = new Array<number>(n + 1).fill(0)
  for (let i = 1; i <= m; i++) {
    cur[0] = i
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1)
      cur[j] = d
    }
    ;[prev2, prev, cur] = [prev, cur, prev2]
  }
  return prev[n]!
}

/** Candidates longer than this are not compared: the distance is quadratic and no typo is that long. */
const MAX_COMPARED_LENGTH = 64

/** The closest candidate within reach of `word`, or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_COMPARED_LENGTH) return undefined
  const lower = word.toLowerCase()
  const limit = Math.max(1, Math.floor(lower.length / 3))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    if (candidate.length > MAX_COMPARED_LENGTH) continue
    const d = editDistance(lower, candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}
