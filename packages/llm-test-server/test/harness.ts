// One server per test file, reset before each test, and a real openai client
// pointed at it. Retries are off unless a test is about retries.
import OpenAI, { type ClientOptions } from 'openai'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { type LlmTestServer, type LlmTestServerOptions, startLlmTestServer } from '../src/index.js'

export function useServer(options?: LlmTestServerOptions) {
  let server: LlmTestServer | undefined
  beforeAll(async () => {
    server = await startLlmTestServer(options)
  })
  afterAll(() => server?.close())
  beforeEach(() => server?.reset())
  return {
    get server(): LlmTestServer {
      if (!server) throw new Error('server not started')
      return server
    },
    client(extra: ClientOptions = {}): OpenAI {
      return new OpenAI({ baseURL: this.server.url, apiKey: 'test', maxRetries: 0, ...extra })
    },
  }
}
