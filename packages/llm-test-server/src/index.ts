// @assay/llm-test-server: an OpenAI-compatible HTTP server for tests. No model
// endpoint is reachable where Assay is built, so the SDK's end-to-end tests and the
// judges' tests drive the real `openai` client against this server instead. It is
// deterministic by default and scriptable per request.
//
// Start, point a client at it, close:
//
//   const server = await startLlmTestServer({ latencyMs: 50 })
//   const client = new OpenAI({ baseURL: server.url, apiKey: 'test' })  // url ends in /v1
//   ...
//   await server.close()
//
// Endpoints:
//   POST /v1/chat/completions  plain or `stream: true` (usage chunk with
//                              `stream_options.include_usage`), `tools` -> a tool call,
//                              `response_format` json_schema -> an instance of the
//                              schema, json_object -> `{"answer": ...}`
//   POST /v1/responses         plain or streamed events; text, function calls, `text.format`
//   POST /v1/embeddings        hashed bag-of-words unit vectors, `dimensions` (default
//                              option `embeddingDimensions`, 64), float or base64
//   GET  /v1/models[/:id]      the `models` option
// Any model name and any API key are accepted (`apiKey` option to require one);
// errors come in OpenAI's `{ error: { message, type, param, code } }` shape.
//
// Default answers: "Hello! You said: <last user message>"; with tools offered, a call
// to the first tool (or `tool_choice`'s) with arguments generated from its
// parameters schema, except right after a tool result; with a JSON schema, the
// smallest valid instance (every property, first enum value). Usage counts one token
// per four characters.
//
// Steering, from the most deliberate to the least (they merge into one plan, see Plan):
//   server.failNext(1, { status: 429, retryAfter: 0.05 })   // one-shot queue
//   server.once({ json: { rationale: 'r', verdict: 'no' } })
//   server.script({ marker: '[[judge:safety]]', reply: { set: { verdict: 'unsafe' } } })
//   server.script((req) => (req.model === 'slow' ? { delayMs: 5000 } : undefined))
//   markers in the last user message: [[error:500]], [[error:429:retry-after=1]],
//   [[delay:5000]], [[malformed-json]], [[no-rationale]], [[omit:x]], [[set:verdict=no]],
//   [[reply:text]], [[finish:length]], [[disconnect]]
//
// Observing: `server.calls` (method, path, body, headers incl. Authorization, time,
// status), `server.callCount('/v1/chat/completions')`, `server.maxConcurrent`;
// `clearCalls()` forgets calls, `reset()` also drops scripts and queued plans.

export type { LlmTestServerOptions } from './options.js'
export type { ErrorPlan, LlmRequest, Plan, Responder, Rule, ToolCallPlan } from './plan.js'
export { embed } from './routes/embeddings.js'
export { schemaInstance } from './schema-instance.js'
export { LlmTestServer, type RecordedCall, startLlmTestServer } from './server.js'
