/**
 * Where a JSON text stops being JSON, as "line L column C: reason".
 *
 * V8's JSON.parse messages sometimes give no position and quote the input
 * (which may be megabytes, or hold user data), so when it fails we rescan the
 * text with this small iterative checker. Iterative on purpose: a hostile
 * body of 10,000 open brackets must not overflow the stack here either.
 * Runs only on bodies JSON.parse already refused.
 */

type State = 'value' | 'firstValue' | 'key' | 'firstKey' | 'after'

const numberRe = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const literalRe = /true|false|null/y

export function locateJsonError(text: string): string | null {
  const stack: string[] = []
  let state: State = 'value'
  let i = 0
  const fail = (at: number, reason: string) => `${position(text, at)}: ${reason}`
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
    if (i >= text.length) {
      return state === 'after' && stack.length === 0 ? null : fail(i, 'unexpected end of input')
    }
    const c = text[i]!
    if (state === 'after') {
      const top = stack.at(-1)
      if (top === undefined) return fail(i, `unexpected ${show(c)} after the end of the document`)
      const close = top === '{' ? '}' : ']'
      if (c === ',') state = top === '{' ? 'key' : 'value'
      else if (c === close) stack.pop()
      else return fail(i, `expected ',' or '${close}', got ${show(c)}`)
      i++
      continue
    }
    if (state === 'key' || state === 'firstKey') {
      if (state === 'firstKey' && c === '}') {
        stack.pop()
        state = 'after'
        i++
        continue
      }
      if (c !== '"') return fail(i, `expected a property name in double quotes, got ${show(c)}`)
      const end = scanString(text, i)
      if (typeof end === 'string') return end
      i = end
      while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
      if (text[i] !== ':') return fail(i, `expected ':' after a property name`)
      i++
      state = 'value'
      continue
    }
    if (state === 'firstValue' && c === ']') {
      stack.pop()
      state = 'after'
      i++
      continue
    }
    if (c === '{' || c === '[') {
      stack.push(c)
      state = c === '{' ? 'firstKey' : 'firstValue'
      i++
      continue
    }
    if (c === '"') {
      const end = scanString(text, i)
      if (typeof end === 'string') return end
      i = end
    } else {
      const re = c === '-' || (c >= '0' && c <= '9') ? numberRe : literalRe
      re.lastIndex = i
      if (!re.test(text)) return fail(i, `unexpected ${show(c)}`)
      i = re.lastIndex
    }
    state = 'after'
  }

  function scanString(s: string, start: number): number | string {
    let j = start + 1
    while (j < s.length) {
      const ch = s.charCodeAt(j)
      if (ch === 0x22) return j + 1
      if (ch < 0x20) return fail(j, 'control character in a string')
      if (ch === 0x5c) {
        const e = s[j + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) return fail(j, 'bad \\u escape')
          j += 6
          continue
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return fail(j, 'bad escape in a string')
        j += 2
        continue
      }
      j++
    }
    return fail(s.length, 'unterminated string')
  }
}

function position(text: string, offset: number): string {
  let line = 1
  let lineStart = 0
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++
    lineStart = k + 1
  }
  return `line ${line} column ${offset - lineStart + 1}`
}

function show(c: string): string {
  return JSON.stringify(c)
}
