/**
 * Mutation fuzzing of both decoders with the captured exports as seeds: bit
 * flips, truncations, splices of two bodies, inserted and duplicated bytes.
 * Each mutant must decode or throw a DecodeError — never a RangeError from a
 * blown stack, a TypeError from a missing field, or anything else. Seeded,
 * so a failure names the iteration that reproduces it.
 */

import { describe, expect, it } from 'vitest'
import { DecodeError, decodeExport } from '../../src/decode/index.js'
import { exportFixtures } from '../decode/fixtures.js'

const iterations = 2000

/** mulberry32: small, fast, good enough to drive mutations reproducibly. */
function prng(seed: number) {
  let a = seed >>> 0
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
  }
}

type Rand = ReturnType<typeof prng>

function mutate(rand: Rand, seed: Buffer, other: Buffer): Buffer {
  const b = Buffer.from(seed)
  switch (rand(6)) {
    case 0: {
      for (let i = 1 + rand(8); i > 0; i--) {
        const at = rand(b.length)
        b[at] = b[at]! ^ (1 << rand(8))
      }
      return b
    }
    case 1:
      return b.subarray(0, rand(b.length))
    case 2:
      return Buffer.concat([b.subarray(0, rand(b.length)), other.subarray(rand(other.length))])
    case 3: {
      const at = rand(b.length)
      const junk = Buffer.from(Array.from({ length: 1 + rand(16) }, () => rand(256)))
      return Buffer.concat([b.subarray(0, at), junk, b.subarray(at)])
    }
    case 4: {
      const from = rand(b.length)
      const piece = b.subarray(from, from + rand(64))
      const at = rand(b.length)
      return Buffer.concat([b.subarray(0, at), piece, b.subarray(at)])
    }
    default: {
      // Lengths and varints are where protobuf decoders break: set a byte to 0x7f..0xff.
      for (let i = 1 + rand(4); i > 0; i--) b[rand(b.length)] = 0x7f + rand(0x81)
      return b
    }
  }
}

describe.each(['protobuf', 'json'] as const)('fuzzing the %s decoder', (format) => {
  const seeds = exportFixtures.filter((f) => f.format === format)

  it(`survives ${iterations} mutants of the captured exports`, () => {
    const rand = prng(format === 'json' ? 0x5eed_0001 : 0x5eed_0002)
    const outcomes = { decoded: 0, refused: 0 }
    for (let i = 0; i < iterations; i++) {
      const seed = seeds[rand(seeds.length)]!
      const input = mutate(rand, seed.body, seeds[rand(seeds.length)]!.body)
      try {
        decodeExport(seed.signal, format, input)
        outcomes.decoded++
      } catch (err) {
        if (!(err instanceof DecodeError)) {
          throw new Error(`iteration ${i} (${seed.name}): ${String(err)}`, { cause: err })
        }
        expect(err.message).toMatch(format === 'json' ? /^invalid (JSON|OTLP\/JSON)/ : /^invalid protobuf: /)
        outcomes.refused++
      }
    }
    // Both outcomes must occur, or the mutations are too timid or too wild to test anything.
    expect(outcomes.decoded).toBeGreaterThan(iterations / 20)
    expect(outcomes.refused).toBeGreaterThan(iterations / 20)
  })
})
