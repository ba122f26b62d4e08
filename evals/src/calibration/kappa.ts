/**
 * Cohen's kappa from a confusion matrix (rows: one rater, columns: the
 * other): agreement beyond what two raters with these label frequencies
 * would reach by chance, `(p_o - p_e) / (1 - p_e)`. With `weights`, partial
 * credit for near misses (weighted kappa). Null when undefined: no items,
 * or chance agreement is already total (both raters used one label only).
 */
export function cohensKappa(
  matrix: readonly (readonly number[])[],
  weights?: (i: number, j: number) => number,
): number | null {
  const k = matrix.length
  const n = matrix.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0)
  if (n === 0) return null
  const weight = weights ?? ((i: number, j: number) => (i === j ? 1 : 0))
  const rows = matrix.map((row) => row.reduce((a, b) => a + b, 0))
  const cols = Array.from({ length: k }, (_, j) => matrix.reduce((sum, row) => sum + (row[j] ?? 0), 0))
  let observed = 0
  let expected = 0
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = weight(i, j)
      observed += (w * (matrix[i]![j] ?? 0)) / n
      expected += (w * rows[i]! * cols[j]!) / (n * n)
    }
  }
  // Floating error can leave 1 - p_e a hair above zero when it is zero in exact arithmetic.
  if (Math.abs(1 - expected) < 1e-12) return null
  return (observed - expected) / (1 - expected)
}

/** Linear agreement weights for an ordinal scale of k labels: 1 on the diagonal, 0 at the far corners. */
export function linearWeights(k: number): (i: number, j: number) => number {
  return (i, j) => (k <= 1 ? 1 : 1 - Math.abs(i - j) / (k - 1))
}
