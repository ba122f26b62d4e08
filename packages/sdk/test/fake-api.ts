/** A stand-in for Assay's API in unit tests: scripted answers, recorded requests. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Recorded {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: unknown
}

export type Handler = (req: Recorded) => { status: number; body?: unknown; headers?: Record<string, string> }

export async function startFakeApi(handler: Handler) {
  const requests: Recorded[] = []
  const server = http.createServer((req, res) => {
    let text = ''
    req.on('data', (d) => (text += d))
    req.on('end', () => {
      const recorded: Recorded = {
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: text && req.headers['content-type']?.includes('json') ? JSON.parse(text) : text,
      }
      requests.push(recorded)
      const answer = handler(recorded)
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, requests, close: () => new Promise<void>((r) => server.close(() => r())) }
}
