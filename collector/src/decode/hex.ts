/**
 * Ids travel as bytes in protobuf and as hex in OTLP/JSON; the decoded form
 * is lowercase hex either way. Lengths are not checked here: normalization
 * rejects a bad id for its own span only.
 */

export function bytesToHex(bytes: Uint8Array | null | undefined): string {
  if (!bytes || bytes.length === 0) return ''
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}
