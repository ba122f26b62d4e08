/**
 * The `input` and `output` columns hold JSON text, at most MAX_IO_CHARS
 * characters. A longer value is replaced by a marker object carrying its
 * original length and the head of its text, so the column stays valid JSON
 * and bounded while the full value remains in the raw attributes (which are
 * never cut). Text that is too long is not parsed at all: a 10 MB prompt
 * costs one slice, not a parse and a re-serialization.
 */

export const MAX_IO_CHARS = 1_000_000
const PREVIEW_CHARS = 64_000

/** The truncation marker: `{"truncated":true,"original_chars":N,"preview":"..."}`. */
export function truncatedMarker(text: string): string {
  return JSON.stringify({
    truncated: true,
    original_chars: text.length,
    preview: text.slice(0, PREVIEW_CHARS),
  })
}

/** Caps JSON text already known to be valid. */
export function capJsonText(text: string): string {
  return text.length > MAX_IO_CHARS ? truncatedMarker(text) : text
}

/** JSON text of a value (undefined and '' give ''), capped. */
export function jsonText(value: unknown): string {
  if (value === undefined) return ''
  const text = JSON.stringify(value)
  return text === undefined ? '' : capJsonText(text)
}
