import { randomBytes } from 'node:crypto'

/**
 * Item ids that sort in the order items were added: the dataset version
 * that added the item, its position in that call, then random bits so ids
 * stay unique across datasets and hard to guess. Versions are handed out
 * under the dataset's row lock, so the order holds across servers without
 * trusting their clocks, and lists can page by item id alone.
 *
 * @example
 * newItemIds(7, 2) // ['00000007000000…', '00000007000001…']
 */
export function newItemIds(version: number, count: number): string[] {
  const prefix = version.toString(16).padStart(8, '0')
  return Array.from(
    { length: count },
    (_, i) => `${prefix}${i.toString(16).padStart(6, '0')}${randomBytes(9).toString('hex')}`,
  )
}
