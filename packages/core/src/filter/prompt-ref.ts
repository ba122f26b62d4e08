/**
 * `prompt = "support/3"` means version 3 of `support`; `prompt = "support"`
 * means any version. A name may itself contain `/`, so only a final
 * all-digit segment is a version.
 */
export interface PromptRef {
  name: string
  version?: string
}

export function parsePromptRef(value: string): PromptRef {
  const match = /^(.+)\/([0-9]+)$/.exec(value)
  return match ? { name: match[1]!, version: match[2]! } : { name: value }
}
