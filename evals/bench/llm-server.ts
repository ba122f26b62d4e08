// The LLM test server as its own process for the runner benchmark, so its
// CPU is not counted as the runner's. Prints its URL, then serves until killed.
import { startLlmTestServer } from '@assay/llm-test-server'

const latencyMs = Number(process.argv[2] ?? 50)
const server = await startLlmTestServer({ latencyMs })
process.stdout.write(`${server.url}\n`)
// Nothing to keep on the way out: exit at once rather than wait for idle sockets.
process.on('SIGTERM', () => process.exit(0))
void server
