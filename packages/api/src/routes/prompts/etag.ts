/**
 * Conditional GETs for resolved prompts. A version never changes, so the
 * prompt id and version number identify the answer to a reference; a
 * client that sends the ETag back in `If-None-Match` learns "unchanged"
 * from one small query, without the template being read or sent.
 */

export function promptEtag(promptId: string, version: number): string {
  return `"${promptId}.${version}"`
}

/** RFC 9110 weak comparison: `*`, or any listed tag equal to ours ignoring `W/`. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((raw) => {
    const tag = raw.trim()
    return tag === '*' || tag.replace(/^W\//, '') === etag
  })
}
