// The generated instance must validate against the schema it came from, whatever
// shape zod, hand-written judges or tool definitions give it.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { schemaInstance } from '../src/index.js'

describe('schemaInstance', () => {
  it('respects enums, bounds, formats and lengths', () => {
    const schema = z.object({
      kind: z.enum(['a', 'b']),
      literal: z.literal('fixed'),
      score: z.number().gt(1).lt(2),
      count: z.number().int().min(3),
      email: z.email(),
      when: z.iso.datetime(),
      name: z.string().min(20).max(25),
      tags: z.array(z.string()).min(2),
      flag: z.boolean().optional(),
      maybe: z.union([z.null(), z.number()]),
    })
    const instance = schemaInstance(z.toJSONSchema(schema))
    expect(schema.parse(instance)).toMatchObject({
      kind: 'a',
      literal: 'fixed',
      count: 3,
      flag: true,
      maybe: 0,
    })
  })

  it('follows $ref into $defs, and merges allOf', () => {
    const schema = {
      $defs: { point: { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'] } },
      type: 'object',
      properties: {
        at: { $ref: '#/$defs/point' },
        both: { allOf: [{ $ref: '#/$defs/point' }, { properties: { y: { type: 'string' } } }] },
      },
    }
    expect(schemaInstance(schema)).toEqual({ at: { x: 0 }, both: { x: 0, y: 'test y' } })
  })

  it('stops on recursive schemas', () => {
    const Node: z.ZodType = z.lazy(() => z.object({ next: Node.nullable() }))
    const instance = schemaInstance(z.toJSONSchema(Node))
    expect(JSON.stringify(instance).length).toBeLessThan(2000)
  })
})
