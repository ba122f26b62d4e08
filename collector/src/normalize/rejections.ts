/**
 * Rejected spans/records, counted in full but described only up to a limit:
 * an export of 50,000 bad spans must not produce a 50,000-line response.
 */

export const MAX_REASONS = 20

export interface Rejected {
  count: number
  reasons: string[]
}

export class Rejections {
  count = 0
  readonly reasons: string[] = []

  add(reason: string): void {
    this.count++
    if (this.reasons.length < MAX_REASONS) this.reasons.push(reason)
  }

  result(): Rejected {
    const reasons = [...this.reasons]
    if (this.count > reasons.length) reasons.push(`... and ${this.count - reasons.length} more`)
    return { count: this.count, reasons }
  }
}

/** A short, printable form of a client-supplied name for use inside a reason. */
export function quoteName(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name)
}
