// The HTTP server: records every request, applies latency, auth and the script's
// plan, then hands the call to its endpoint. Everything a test observes (calls,
// counts, peak concurrency) lives here; what to answer is decided by `Script` and
// `answer`.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { readBody, sendError, sleep } from './http.js'
import { type LlmTestServerOptions, type ResolvedOptions, resolveOptions } from './options.js'
import type { ErrorPlan, Plan, Responder, Rule } from './plan.js'
import { isRecord } from './prompt.js'
import { chatRoute } from './routes/chat.js'
import { embeddingsRoute } from './routes/embeddings.js'
import { getModel, listModels } from './routes/models.js'
import { responsesRoute } from './routes/responses.js'
import type { ModelRoute } from './routes/route.js'
import { Script } from './script.js'

export interface RecordedCall {
  method: string
  /** e.g. `/v1/chat/completions` */
  path: string
  /** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: unknown
  headers: IncomingHttpHeaders
  /** Epoch milliseconds at arrival. */
  time: number
  /** The status answered; undefined while in flight or when the connection was dropped. */
  status?: number
}

export class LlmTestServer {
  /** Base URL for `new OpenAI({ baseURL })`, ending in `/v1`. */
  readonly url: string
  readonly port: number
  /** Every request since start or `reset()`, in arrival order. */
  readonly calls: RecordedCall[] = []
  private readonly behaviour = new Script()
  /** One per request in flight, aborted when the client goes away or the server closes. */
  private readonly live = new Set<AbortController>()
  private ids = 0
  private inFlight = 0
  private peak = 0

  constructor(
    private readonly server: Server,
    private readonly options: ResolvedOptions,
  ) {
    const { port } = server.address() as AddressInfo
    this.port = port
    this.url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/v1`
    for (const step of options.script) this.behaviour.add(step)
    server.on('request', (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (res.headersSent) return void res.destroy()
        sendError(res, { status: 500, message: `llm-test-server: ${(error as Error)?.message ?? error}` })
      })
    })
  }

  /** Requests received, all of them or those to one path (`'/v1/chat/completions'` or `'chat/completions'`). */
  callCount(path?: string): number {
    if (path === undefined) return this.calls.length
    const full = path.startsWith('/v1/') ? path : `/v1/${path.replace(/^\//, '')}`
    return this.calls.filter((call) => call.path === full).length
  }

  /** The most requests in flight at once since start or `reset()`. */
  get maxConcurrent(): number {
    return this.peak
  }

  /** Adds a responder or a rule (see `Rule`); returns a function that removes it. */
  script(step: Responder | Rule): () => void {
    return this.behaviour.add(step)
  }

  /** The next `times` model calls follow `plan` (merged over scripts and markers). */
  once(plan: Plan, times = 1): void {
    this.behaviour.once(plan, times)
  }

  /** The next `times` model calls fail, e.g. `failNext(1, { status: 429, retryAfter: 0.05 })`. */
  failNext(times: number, error: number | ErrorPlan): void {
    this.behaviour.failNext(times, error)
  }

  /** Forgets calls only; scripts stay. */
  clearCalls(): void {
    this.calls.length = 0
    this.peak = this.inFlight
  }

  /** Back to the state after start: no calls, no queued plans, only the scripts given as options. */
  reset(): void {
    this.clearCalls()
    this.behaviour.clear()
    for (const step of this.options.script) this.behaviour.add(step)
    this.ids = 0
  }

  /** Stops the server; requests still waiting (delays, streams) are cut off. */
  async close(): Promise<void> {
    for (const request of this.live) request.abort()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path: url.pathname,
      body: undefined,
      headers: req.headers,
      time: Date.now(),
    }
    this.calls.push(call)
    this.peak = Math.max(this.peak, ++this.inFlight)
    const request = new AbortController()
    this.live.add(request)
    res.on('close', () => {
      this.inFlight--
      if (res.headersSent) call.status = res.statusCode
      this.live.delete(request)
      request.abort()
    })
    const { signal } = request

    const raw = await readBody(req)
    let body: unknown
    try {
      body = raw ? JSON.parse(raw) : undefined
      call.body = body
    } catch {
      call.body = raw
      return sendError(res, { status: 400, message: 'We could not parse the JSON body of your request.' })
    }
    await sleep(this.options.latencyMs, signal)
    if (signal.aborted) return
    const { apiKey } = this.options
    if (apiKey !== undefined && req.headers.authorization !== `Bearer ${apiKey}`) {
      return sendError(res, { status: 401, message: 'Incorrect API key provided.' })
    }

    const route = `${call.method} ${call.path}`
    if (route === 'GET /v1/models') return listModels(res, this.options.models)
    if (route.startsWith('GET /v1/models/')) return getModel(res, this.options.models, call.path.slice(11))
    if (route === 'POST /v1/chat/completions') return this.serve(chatRoute, call, body, res, signal)
    if (route === 'POST /v1/responses') return this.serve(responsesRoute, call, body, res, signal)
    if (route === 'POST /v1/embeddings') return this.serve(embeddingsRoute, call, body, res, signal)
    sendError(res, { status: 404, message: `Unknown route: ${route}` })
  }

  private async serve<P extends { model: string; lastUserText: string }>(
    route: ModelRoute<P>,
    call: RecordedCall,
    body: unknown,
    res: ServerResponse,
    signal: AbortSignal,
  ): Promise<void> {
    if (!isRecord(body)) return sendError(res, { status: 400, message: 'The body must be a JSON object.' })
    const parsed = route.parse(body)
    if (typeof parsed === 'string') return sendError(res, { status: 400, message: parsed })
    const { model, lastUserText } = parsed
    const plan = await this.behaviour.resolve({
      path: call.path,
      model,
      lastUserText,
      body,
      headers: call.headers,
    })
    await sleep(plan.delayMs ?? 0, signal)
    if (signal.aborted) return
    if (plan.disconnect) return void res.destroy()
    if (plan.error) return sendError(res, plan.error)
    const nextId = (prefix: string) => `${prefix}${String(++this.ids).padStart(6, '0')}`
    await route.reply({ res, plan, signal, nextId, options: this.options }, parsed)
  }
}

/**
 * Starts a server on a free port of 127.0.0.1.
 *
 * @example
 * const server = await startLlmTestServer({ latencyMs: 50 })
 * const client = new OpenAI({ baseURL: server.url, apiKey: 'test' })
 * await server.close()
 */
export async function startLlmTestServer(options?: LlmTestServerOptions): Promise<LlmTestServer> {
  const resolved = resolveOptions(options)
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  return new LlmTestServer(server, resolved)
}
