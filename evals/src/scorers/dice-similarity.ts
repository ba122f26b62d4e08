/**
 * Sørensen–Dice similarity of two texts over their character bigrams
 * (counted with multiplicity): 2·|common| / (|A| + |B|), from 0 (nothing
 * shared) to 1 (same bigrams). Linear in the texts' length, unlike edit
 * distance, so long outputs cost no more than reading them; insensitive
 * to small reorderings of words.
 */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1
  if (a.length < 2 || b.length < 2) return 0
  const counts = new Map<string, number>()
  for (let i = 0; i < a.length - 1; i++) {
    const bigram = a.slice(i, i + 2)
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1)
  }
  let common = 0
  for (let i = 0; i < b.length - 1; i++) {
    const bigram = b.slice(i, i + 2)
    const left = counts.get(bigram) ?? 0
    if (left > 0) {
      counts.set(bigram, left - 1)
      common++
    }
  }
  return (2 * common) / (a.length - 1 + (b.length - 1))
}
