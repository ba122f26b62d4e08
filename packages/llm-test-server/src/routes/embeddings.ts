// POST /v1/embeddings. Vectors are hashed bags of words, normalized: the same text
// always gives the same vector, and texts that share words point the same way, so a
// retrieval step over them ranks documents plausibly. The openai client asks for
// base64 unless told otherwise, so both encodings are served.
import { sendJson } from '../http.js'
import { countTokens } from '../tokens.js'
import type { ModelRoute } from './route.js'

interface EmbeddingsRequest {
  model: string
  lastUserText: string
  inputs: string[]
  dimensions: number | undefined
  base64: boolean
}

export const embeddingsRoute: ModelRoute<EmbeddingsRequest> = {
  parse(body) {
    if (typeof body.model !== 'string') return 'model is required'
    const inputs = readInputs(body.input)
    if (!inputs) return 'input must be a string, an array of strings, or token arrays'
    const { dimensions } = body
    if (dimensions !== undefined && !(Number.isInteger(dimensions) && (dimensions as number) > 0)) {
      return 'dimensions must be a positive integer'
    }
    return {
      model: body.model,
      lastUserText: inputs.at(-1) ?? '',
      inputs,
      dimensions: dimensions as number | undefined,
      base64: body.encoding_format === 'base64',
    }
  },

  reply(call, request) {
    const dimensions = request.dimensions ?? call.options.embeddingDimensions
    const tokens = request.inputs.reduce((sum, text) => sum + countTokens(text), 0)
    sendJson(call.res, 200, {
      object: 'list',
      model: request.model,
      data: request.inputs.map((text, index) => {
        const vector = embed(text, dimensions)
        return { object: 'embedding', index, embedding: request.base64 ? toBase64(vector) : vector }
      }),
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    })
  },
}

/** A unit vector from the words of `text`; deterministic across runs and machines. */
export function embed(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0)
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const hash = fnv1a(word)
    vector[hash % dimensions]! += hash & 0x80000000 ? -1 : 1
  }
  const norm = Math.hypot(...vector)
  if (norm === 0) return vector.map((_, i) => (i === 0 ? 1 : 0))
  return vector.map((x) => x / norm)
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

function toBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64')
}

function readInputs(input: unknown): string[] | undefined {
  if (typeof input === 'string') return [input]
  if (!Array.isArray(input) || input.length === 0) return undefined
  if (input.every((x) => typeof x === 'number')) return [input.join(' ')]
  if (input.every((x) => typeof x === 'string' || Array.isArray(x))) {
    return input.map((x) => (typeof x === 'string' ? x : x.join(' ')))
  }
  return undefined
}
