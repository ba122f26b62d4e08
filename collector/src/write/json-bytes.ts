/**
 * JSON written straight into bytes: a growing Buffer that strings, numbers
 * and string maps are encoded into as UTF-8 JSON, byte for byte what
 * `Buffer.from(JSON.stringify(value))` gives.
 *
 * Why not JSON.stringify and then encode: span rows are ~4 KB of text, most
 * of it JSON inside JSON (attribute values and input/output are themselves
 * JSON), and building each line as a string first allocated that text twice
 * more (the escaped pieces, the joined line) only to encode and drop it. On
 * the ingest bench that garbage and the extra passes were a third of the
 * collector's JS time. Encoding each character once, here, allocates nothing.
 */

const QUOTE = 0x22
const BACKSLASH = 0x5c

/** 1 for ASCII characters written as themselves inside a JSON string. */
const PLAIN = new Uint8Array(128)
for (let c = 0x20; c < 0x80; c++) PLAIN[c] = c === QUOTE || c === BACKSLASH ? 0 : 1

/** JSON.stringify's short escapes (\b \t \n \f \r \" \\); 0 where it writes \u00XX. */
const SHORT_ESCAPE = new Uint8Array(128)
SHORT_ESCAPE[0x08] = 0x62
SHORT_ESCAPE[0x09] = 0x74
SHORT_ESCAPE[0x0a] = 0x6e
SHORT_ESCAPE[0x0c] = 0x66
SHORT_ESCAPE[0x0d] = 0x72
SHORT_ESCAPE[QUOTE] = QUOTE
SHORT_ESCAPE[BACKSLASH] = BACKSLASH

const hexDigit = (n: number): number => (n < 10 ? 0x30 + n : 0x57 + n)

export class JsonBytes {
  buf: Buffer
  pos = 0

  constructor(initialBytes: number) {
    this.buf = Buffer.allocUnsafe(initialBytes)
  }

  /** Room for `bytes` more bytes. */
  reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes))
    this.buf.copy(bigger, 0, 0, this.pos)
    this.buf = bigger
  }

  /** Pre-encoded bytes (the constant parts of a line). */
  bytes(b: Uint8Array): void {
    this.reserve(b.length)
    const out = this.buf
    let p = this.pos
    for (let i = 0; i < b.length; i++) out[p++] = b[i]!
    this.pos = p
  }

  byte(b: number): void {
    this.reserve(1)
    this.buf[this.pos++] = b
  }

  /** Short ASCII text that needs no escaping (digits of a time), without a call into C++. */
  asciiText(s: string): void {
    this.reserve(s.length)
    const out = this.buf
    let p = this.pos
    for (let i = 0; i < s.length; i++) out[p++] = s.charCodeAt(i)
    this.pos = p
  }

  /** Text that is already JSON (or any text), as UTF-8. */
  text(s: string): void {
    this.reserve(s.length * 3)
    this.pos += this.buf.write(s, this.pos)
  }

  /** A JSON number as JSON.stringify writes it (NaN and infinities have no JSON spelling: null). */
  number(n: number): void {
    if (n >= 0 && n < 0x80000000 && (n | 0) === n) {
      this.reserve(10)
      if (n < 10) {
        this.buf[this.pos++] = 0x30 + n
        return
      }
      const end = this.pos + (n < 100 ? 2 : n < 1000 ? 3 : Math.floor(Math.log10(n)) + 1)
      let p = end
      for (let v = n; v > 0; v = Math.floor(v / 10)) this.buf[--p] = 0x30 + (v % 10)
      this.pos = end
      return
    }
    this.text(Number.isFinite(n) ? `${n}` : 'null')
  }

  /** A string as a JSON string literal: JSON.stringify's escapes, UTF-8 encoded. */
  string(s: string): void {
    const n = s.length
    // Every UTF-16 unit takes at most 3 UTF-8 bytes; escapes that take more grow the buffer below.
    this.reserve(n * 3 + 2)
    let out = this.buf
    let p = this.pos
    out[p++] = QUOTE
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i)
      if (c < 0x80) {
        if (PLAIN[c] === 1) {
          out[p++] = c
          continue
        }
        if (p + (n - i) * 3 + 8 > out.length) {
          this.pos = p
          this.reserve((n - i) * 3 + 8)
          out = this.buf
        }
        out[p++] = BACKSLASH
        const short = SHORT_ESCAPE[c]!
        if (short !== 0) {
          out[p++] = short
        } else {
          out[p++] = 0x75 // u00XX
          out[p++] = 0x30
          out[p++] = 0x30
          out[p++] = hexDigit(c >> 4)
          out[p++] = hexDigit(c & 15)
        }
      } else if (c < 0x800) {
        out[p++] = 0xc0 | (c >> 6)
        out[p++] = 0x80 | (c & 63)
      } else if (c < 0xd800 || c > 0xdfff) {
        out[p++] = 0xe0 | (c >> 12)
        out[p++] = 0x80 | ((c >> 6) & 63)
        out[p++] = 0x80 | (c & 63)
      } else {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0
        if (c < 0xdc00 && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
          i++
          out[p++] = 0xf0 | (cp >> 18)
          out[p++] = 0x80 | ((cp >> 12) & 63)
          out[p++] = 0x80 | ((cp >> 6) & 63)
          out[p++] = 0x80 | (cp & 63)
        } else {
          // A lone surrogate: JSON.stringify writes it as \udXXX (6 bytes where 3 were reserved).
          if (p + (n - i) * 3 + 8 > out.length) {
            this.pos = p
            this.reserve((n - i) * 3 + 8)
            out = this.buf
          }
          out[p++] = BACKSLASH
          out[p++] = 0x75
          out[p++] = hexDigit(c >> 12)
          out[p++] = hexDigit((c >> 8) & 15)
          out[p++] = hexDigit((c >> 4) & 15)
          out[p++] = hexDigit(c & 15)
        }
      }
    }
    out[p++] = QUOTE
    this.pos = p
  }

  /**
   * A map of strings to strings as a JSON object, keys in the order
   * JSON.stringify takes them (integer-like keys first, then insertion
   * order, as for...in and Object.keys give them). A value that is not a
   * string hands the whole map to JSON.stringify.
   */
  stringMap(map: Readonly<Record<string, unknown>>): void {
    const start = this.pos
    if (!this.tryStringMap(map)) {
      this.pos = start
      this.text(JSON.stringify(map))
    }
  }

  /** False, having written part of it, when a value is not a string. */
  private tryStringMap(map: Readonly<Record<string, unknown>>): boolean {
    this.byte(0x7b)
    let first = true
    // for...in would also walk inherited keys: only maps without a prototype (the rows') take it.
    if (Object.getPrototypeOf(map) === null) {
      for (const key in map) {
        if (!this.entry(key, map[key], first)) return false
        first = false
      }
    } else {
      for (const key of Object.keys(map)) {
        if (!this.entry(key, map[key], first)) return false
        first = false
      }
    }
    this.byte(0x7d)
    return true
  }

  private entry(key: string, value: unknown, first: boolean): boolean {
    if (typeof value !== 'string') return false
    if (!first) this.byte(0x2c)
    this.string(key)
    this.byte(0x3a)
    this.string(value)
    return true
  }
}

/** Latin-1 text (the constant parts of a line) as bytes, encoded once. */
export const ascii = (s: string): Uint8Array => Buffer.from(s, 'latin1')
