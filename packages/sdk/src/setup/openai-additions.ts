/**
 * What the SDK adds to `@opentelemetry/instrumentation-openai` (0.21, the
 * last release for OpenTelemetry JS 2.x), applied right after its patch:
 *
 * - Streams (chat and Responses): the instrumentation ends a streamed
 *   call's span only when the stream runs to its end; when the app stops
 *   reading early or the stream fails, the span ended never and was lost.
 *   Here it ends then too (with the error as its status).
 * - Streamed Responses calls: the instrumentation returned a plain promise
 *   instead of the client's own (so `.withResponse()` threw in the app) and
 *   left the span open when the request failed. Here the client's promise
 *   comes back and a failed request is an error span.
 * - Embeddings: the input texts are recorded (`assay.input`) when message
 *   content is captured; the instrumentation records only the model and tokens.
 * - The client's base URL (for `server.address`/`server.port`) is parsed
 *   once per URL, not with `new URL()` on every call.
 *
 * Streamed calls go through the instrumentation's own methods for the span
 * and its attributes; only the plumbing around them is ours. Should a later
 * version lack those methods, its own patch is left as it is.
 */
import { createRequire } from 'node:module'
import { context, type Span, SpanStatusCode } from '@opentelemetry/api'
import type { OpenAIInstrumentation } from '@opentelemetry/instrumentation-openai'
import { ATTR } from '../attributes.js'
import { serialize } from '../serialize.js'
import { stampNextSpan } from './stamp-processor.js'

type Fn = ((...args: unknown[]) => unknown) & { __original?: Fn; __wrapped?: boolean; __unwrap?: () => void }
type Started = { span: Span; ctx: ReturnType<typeof context.active>; commonAttrs: unknown }

/** The instrumentation's methods the stream path reuses (JavaScript-private, present in 0.21). */
interface Internals {
  isEnabled(): boolean
  getConfig(): { captureMessageContent?: boolean }
  _startChatCompletionsSpan(params: unknown, config: unknown, baseURL: unknown): Started
  _onChatCompletionsStreamIterator(
    it: unknown,
    span: Span,
    t0: number,
    config: unknown,
    attrs: unknown,
    ctx: unknown,
  ): AsyncIterable<unknown>
  _startResponsesSpan(params: unknown, config: unknown, baseURL: unknown): Started
  _onResponsesStreamIterator(
    it: unknown,
    span: Span,
    t0: number,
    config: unknown,
    attrs: unknown,
    ctx: unknown,
  ): AsyncIterable<unknown>
  _createAPIPromiseRejectionHandler(t0: number, span: Span, attrs: unknown): (err: unknown) => void
}

interface ModuleDefinition {
  name: string
  patch?: (mod: unknown, version?: string) => unknown
}

interface OpenAIExports {
  OpenAI?: {
    Chat?: { Completions?: { prototype: Record<string, Fn> } }
    Responses?: { prototype: Record<string, Fn> }
    Embeddings?: { prototype: Record<string, Fn> }
  }
}

/**
 * Makes the instrumentation apply the additions every time it patches an
 * `openai` module: through its require hook (which holds the definitions it
 * was built with) and through `getModuleDefinitions()` (which `register`
 * uses for the ESM module, and which would otherwise build fresh ones).
 */
export function addToOpenAIInstrumentation(instrumentation: OpenAIInstrumentation): void {
  const held = (instrumentation as unknown as { _modules?: ModuleDefinition[] })._modules
  const defs = held ?? (instrumentation.getModuleDefinitions() as ModuleDefinition[])
  for (const def of defs) {
    if (def.name !== 'openai' || !def.patch) continue
    const patch = def.patch.bind(def)
    def.patch = (mod: unknown, version?: string) => {
      const patched = patch(mod, version)
      const exports = ((patched as { default?: unknown })?.default ?? patched ?? mod) as OpenAIExports
      addTo(instrumentation as unknown as Internals, exports)
      return patched
    }
  }
  cacheBaseUrlAttributes()
  instrumentation.getModuleDefinitions = () =>
    defs as ReturnType<OpenAIInstrumentation['getModuleDefinitions']>
}

function addTo(inst: Internals, exports: OpenAIExports): void {
  const client = exports.OpenAI
  if (typeof inst._onResponsesStreamIterator !== 'function' || !client) return
  const streamed = (start: 'chat' | 'responses') => (instrumented: Fn, original: Fn) =>
    function (this: { _client?: { baseURL?: string } }, ...args: unknown[]) {
      const params = args[0] as { stream?: boolean } | undefined
      if (!params?.stream || !inst.isEnabled()) return instrumented.apply(this, args)
      return streamCall(inst, start, original, this, args)
    }
  wrap(client.Chat?.Completions?.prototype, streamed('chat'))
  wrap(client.Responses?.prototype, streamed('responses'))
  wrap(
    client.Embeddings?.prototype,
    (instrumented) =>
      function (this: unknown, ...args: unknown[]) {
        const input = (args[0] as { input?: unknown } | undefined)?.input
        if (!inst.getConfig().captureMessageContent || input === undefined)
          return instrumented.apply(this, args)
        return stampNextSpan({ [ATTR.input]: serialize(input) }, () => instrumented.apply(this, args))
      },
  )
}

/** Replaces the instrumented `create` of `proto`; unwrapping (the instrumentation's disable) restores the client's own. */
function wrap(proto: Record<string, Fn> | undefined, make: (instrumented: Fn, original: Fn) => Fn): void {
  const instrumented = proto?.create
  const original = instrumented?.__original
  if (!proto || !instrumented || !original) return
  const wrapper = make(instrumented, original)
  wrapper.__original = original
  wrapper.__wrapped = true
  wrapper.__unwrap = () => {
    if (proto.create === wrapper) proto.create = original
  }
  proto.create = wrapper
}

function streamCall(
  inst: Internals,
  kind: 'chat' | 'responses',
  original: Fn,
  self: { _client?: { baseURL?: string } },
  args: unknown[],
): unknown {
  const config = inst.getConfig()
  const t0 = performance.now()
  const start = kind === 'chat' ? inst._startChatCompletionsSpan : inst._startResponsesSpan
  let started: Started
  try {
    started = start.call(inst, args[0], config, self?._client?.baseURL)
  } catch {
    return original.apply(self, args) // as the instrumentation does: the call goes on untraced
  }
  const { span, ctx, commonAttrs } = started
  const apiPromise = context.with(ctx, () => original.apply(self, args)) as Promise<{
    iterator?: () => unknown
  }>
  apiPromise.then(
    (stream) => {
      const read = stream.iterator
      if (typeof read !== 'function') return span.end()
      const observe =
        kind === 'chat' ? inst._onChatCompletionsStreamIterator : inst._onResponsesStreamIterator
      // `iterator`, not Symbol.asyncIterator: the client's `tee()` and `toReadableStream()` read through it too.
      stream.iterator = () =>
        endingSpan(observe.call(inst, read.call(stream), span, t0, config, commonAttrs, ctx), span)
    },
    inst._createAPIPromiseRejectionHandler(t0, span, commonAttrs),
  )
  return apiPromise
}

/** Passes a stream through; ends its span if the app stops early or the stream fails. */
async function* endingSpan<T>(stream: AsyncIterable<T>, span: Span): AsyncGenerator<T> {
  let finished = false
  try {
    yield* stream
    finished = true
  } catch (err) {
    if (span.isRecording()) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: err instanceof Error ? err.message : String(err),
      })
      span.setAttribute('error.type', (err as object)?.constructor?.name ?? 'Error')
      span.end()
    }
    throw err
  } finally {
    if (!finished && span.isRecording()) span.end()
  }
}

type ParseBaseUrl = ((baseURL: unknown, diag?: unknown) => unknown) & { cached?: boolean }

/**
 * Keeps the instrumentation's `getAttrsFromBaseURL` results per URL (an app
 * has a client or two). Its calls read the function from its module's
 * exports each time, so replacing it there is enough; should that module
 * move in a later version, nothing changes.
 */
function cacheBaseUrlAttributes(): void {
  let utils: { getAttrsFromBaseURL?: ParseBaseUrl }
  try {
    utils = createRequire(import.meta.url)('@opentelemetry/instrumentation-openai/build/src/utils.js')
  } catch {
    return
  }
  const parse = utils.getAttrsFromBaseURL
  if (typeof parse !== 'function' || parse.cached) return
  const known = new Map<string, unknown>()
  const cached: ParseBaseUrl = (baseURL, diag) => {
    if (typeof baseURL !== 'string') return parse(baseURL, diag)
    let attrs = known.get(baseURL)
    if (attrs === undefined) {
      attrs = parse(baseURL, diag)
      if (known.size < 64) known.set(baseURL, attrs)
    }
    return attrs
  }
  cached.cached = true
  utils.getAttrsFromBaseURL = cached
}
