/**
 * Messages shared by traces and logs: `Resource`, `InstrumentationScope`,
 * and the request's `Resource*` / `Scope*` envelopes, which differ only in
 * the field numbers of their children and what they contain.
 */

import type { DecodedResource, DecodedScope } from '../../otlp/types.js'
import { newKvList } from '../kv-list.js'
import { readKeyValue } from './any-value.js'
import { enter, LEN, leave, type Reader, skip, tag } from './wire.js'

const FIELD_1 = tag(1, LEN)
const FIELD_2 = tag(2, LEN)
const SCOPE_ATTRIBUTES = tag(3, LEN)

export const emptyResource = (): DecodedResource => ({ attributes: newKvList() })
export const emptyScope = (): DecodedScope => ({ name: '', version: '', attributes: newKvList() })

/** `Resource { repeated KeyValue attributes = 1 }`, merged into `into` (a repeated message merges). */
export function readResource(r: Reader, into: DecodedResource): void {
  const end = enter(r)
  while (r.pos < end) {
    const t = r.tag()
    if (t === FIELD_1) readKeyValue(r, into.attributes, 0)
    else skip(r, t)
  }
  leave(r, end)
}

/** `InstrumentationScope { name = 1, version = 2, repeated attributes = 3 }`, merged into `into`. */
export function readScope(r: Reader, into: DecodedScope): void {
  const end = enter(r)
  while (r.pos < end) {
    const t = r.tag()
    if (t === FIELD_1) into.name = r.string()
    else if (t === FIELD_2) into.version = r.string()
    else if (t === SCOPE_ATTRIBUTES) readKeyValue(r, into.attributes, 0)
    else skip(r, t)
  }
  leave(r, end)
}

/**
 * The request's two envelope levels: `{ repeated Resource* = 1 }` holding
 * `{ resource = 1, repeated Scope* = 2 }` holding `{ scope = 1, repeated item = 2 }`.
 * `readItem` reads one item (a span, a log record), length prefix included.
 */
export function readEnvelopes<I>(
  r: Reader,
  readItem: (r: Reader) => I,
): { resource: DecodedResource; scopes: { scope: DecodedScope; items: I[] }[] }[] {
  const out: { resource: DecodedResource; scopes: { scope: DecodedScope; items: I[] }[] }[] = []
  while (r.pos < r.len) {
    const t = r.tag()
    if (t !== FIELD_1) {
      skip(r, t)
      continue
    }
    const resource = emptyResource()
    const scopes: { scope: DecodedScope; items: I[] }[] = []
    const end = enter(r)
    while (r.pos < end) {
      const t2 = r.tag()
      if (t2 === FIELD_1) readResource(r, resource)
      else if (t2 === FIELD_2) scopes.push(readScopeItems(r, readItem))
      else skip(r, t2)
    }
    leave(r, end)
    out.push({ resource, scopes })
  }
  return out
}

function readScopeItems<I>(r: Reader, readItem: (r: Reader) => I): { scope: DecodedScope; items: I[] } {
  const scope = emptyScope()
  const items: I[] = []
  const end = enter(r)
  while (r.pos < end) {
    const t = r.tag()
    if (t === FIELD_1) readScope(r, scope)
    else if (t === FIELD_2) items.push(readItem(r))
    else skip(r, t)
  }
  leave(r, end)
  return { scope, items }
}
