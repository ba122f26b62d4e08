/**
 * The expected value code scorers compare against, read from an item's
 * `expectations`:
 * - a scalar (string, number, boolean) or an array is the expected value itself;
 * - an object gives its `expected_response` field, else its `expected` field;
 * - anything else (absent, null, an object with neither field) has none.
 * A scorer's own `expected` option wins over the item.
 */
export type Expected = { found: true; value: unknown } | { found: false }

export function expectedValue(expectations: unknown): Expected {
  if (expectations === undefined || expectations === null) return { found: false }
  if (typeof expectations !== 'object' || Array.isArray(expectations))
    return { found: true, value: expectations }
  for (const field of ['expected_response', 'expected']) {
    if (Object.hasOwn(expectations, field)) {
      const value = (expectations as Record<string, unknown>)[field]
      return value === undefined || value === null ? { found: false } : { found: true, value }
    }
  }
  return { found: false }
}

/** The option if given, else the item's; throws a message a result can carry when there is none. */
export function requireExpected(option: unknown, expectations: unknown, scorer: string): unknown {
  if (option !== undefined) return option
  const expected = expectedValue(expectations)
  if (!expected.found) {
    throw new Error(
      `${scorer} needs an expected value: item.expectations as a scalar, or with expected_response / expected`,
    )
  }
  return expected.value
}
