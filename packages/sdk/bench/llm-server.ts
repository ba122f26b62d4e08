/**
 * The benchmark's LLM endpoint in a process of its own, so its CPU is on
 * neither side of the comparison. Prints its base URL on the first line.
 */
import { startLlmTestServer } from '@assay/llm-test-server'

const server = await startLlmTestServer({ port: Number(process.env.PORT ?? 0) })
// The server records every call; a benchmark makes tens of thousands.
setInterval(() => server.clearCalls(), 1000).unref()
console.log(server.url)
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
