// One OpenAI-compatible test server per test file, reset before each test,
// and judge model options pointing at it with fast retries and no cache.
import { type LlmTestServer, type LlmTestServerOptions, startLlmTestServer } from '@assay/llm-test-server'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { structuredOutputSupport } from '../../src/model/index.js'
import type { JudgeModelOptions } from '../../src/types.js'

/** A request body as the server recorded it: arbitrary JSON that tests read by path. */
// biome-ignore lint/suspicious/noExplicitAny: request JSON is read by path in assertions
export type RequestBody = Record<string, any>

export function useJudgeServer(options?: LlmTestServerOptions) {
  let server: LlmTestServer | undefined
  beforeAll(async () => {
    server = await startLlmTestServer(options)
  })
  afterAll(() => server?.close())
  beforeEach(() => {
    server?.reset()
    structuredOutputSupport.forget()
  })
  return {
    get server(): LlmTestServer {
      if (!server) throw new Error('server not started')
      return server
    },
    /** The body of the i-th request. */
    body(i: number): RequestBody {
      return this.server.calls[i]!.body as RequestBody
    },
    /** The rendered template: the user message of the i-th request. */
    userText(i: number): string {
      return this.body(i).messages[1].content as string
    },
    options(extra: JudgeModelOptions = {}): JudgeModelOptions {
      return {
        baseURL: this.server.url,
        apiKey: 'test',
        model: 'gpt-4o-mini',
        cacheDir: null,
        retryBaseDelayMs: 5,
        timeoutMs: 5_000,
        ...extra,
      }
    },
  }
}
