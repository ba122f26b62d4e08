/**
 * The SDK's only voice: one `[assay]` warning per problem on stderr, so an
 * outage of Assay shows once in the app's log instead of on every call.
 */
const warned = new Set<string>()

export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return
  warned.add(key)
  console.warn(`[assay] ${message}`)
}

/** Lets the next occurrence of `key` warn again (the problem went away). */
export function clearWarning(key: string): void {
  warned.delete(key)
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
