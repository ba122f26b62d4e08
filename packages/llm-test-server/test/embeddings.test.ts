// Retrieval examples rank documents by cosine similarity, so vectors must be
// deterministic unit vectors in which shared words mean closeness, through the
// client's default base64 path and the float path alike.
import { describe, expect, it } from 'vitest'
import { useServer } from './harness.js'

const t = useServer()
const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0)

describe('embeddings', () => {
  it('gives the same unit vector for the same text, base64 and float alike', async () => {
    const client = t.client()
    const input = ['the cat sat on the mat', 'the cat sat on the mat']
    const base64 = await client.embeddings.create({ model: 'text-embedding-3-small', input })
    const float = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input,
      encoding_format: 'float',
    })
    const [a, b] = base64.data.map((d) => d.embedding)
    expect(a).toHaveLength(64)
    expect(a).toEqual(b)
    expect(cosine(a!, a!)).toBeCloseTo(1, 5)
    expect(float.data[0]!.embedding.map((x) => Math.fround(x))).toEqual(a)
    expect(base64.usage).toEqual({ prompt_tokens: 12, total_tokens: 12 })
  })

  it('puts texts that share words closer than unrelated ones', async () => {
    const { data } = await t.client().embeddings.create({
      model: 'e',
      input: ['paris is the capital of france', 'the capital of france is paris', 'bananas grow on trees'],
      encoding_format: 'float',
    })
    const [q, same, other] = data.map((d) => d.embedding)
    expect(cosine(q!, same!)).toBeCloseTo(1, 5)
    expect(cosine(q!, other!)).toBeLessThan(0.5)
  })

  it('honours dimensions', async () => {
    const { data } = await t.client().embeddings.create({ model: 'e', input: 'hello', dimensions: 8 })
    expect(data[0]?.embedding).toHaveLength(8)
  })
})
