/**
 * Attribute maps as types.ts defines them: null-prototype objects, so that a
 * key such as `__proto__` or `constructor` is only a key; plain assignment
 * then makes the last of a repeated key win.
 */

import type { KvList } from '../otlp/types.js'

export function newKvList(): KvList {
  return Object.create(null) as KvList
}
