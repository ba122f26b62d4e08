// The contract between the server and an endpoint: read the body (or say why it is
// invalid), then answer once the server has applied the plan's delay and errors.
import type { ServerResponse } from 'node:http'
import type { ResolvedOptions } from '../options.js'
import type { Plan } from '../plan.js'

export interface Call {
  res: ServerResponse
  plan: Plan
  /** Aborts when the client goes away or the server closes. */
  signal: AbortSignal
  nextId(prefix: string): string
  options: ResolvedOptions
}

export interface ModelRoute<Parsed extends { model: string; lastUserText: string }> {
  /** The parsed request, or a message for a 400. */
  parse(body: Record<string, unknown>): Parsed | string
  reply(call: Call, parsed: Parsed): Promise<void> | void
}

/** Splits text into word-sized stream chunks that join back to the same text. */
export function chunks(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : [])
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
