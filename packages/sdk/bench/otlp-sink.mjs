// The benchmark's OTLP endpoint in a process of its own: accepts exports
// and discards them. Prints its URL on the first line, and on SIGUSR2 the
// bytes and requests received so far as JSON.
import http from 'node:http'

let bytes = 0
let requests = 0
const server = http.createServer((req, res) => {
  requests++
  req.on('data', (d) => (bytes += d.length))
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end())
})
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`))
process.on('SIGUSR2', () => console.log(JSON.stringify({ bytes, requests })))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
