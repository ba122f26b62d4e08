/**
 * Binds the HTTP server, turning "address in use" and similar into a
 * ConfigError that says which setting to change.
 */
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import { ConfigError } from '../config/config.js'

export function listen(app: Hono, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }) as Server
    server.once('listening', () => resolve(server))
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new ConfigError(`PORT ${port} on ${host} is already in use; stop the other process or set PORT`),
        )
      } else if (error.code === 'EACCES') {
        reject(
          new ConfigError(
            `PORT ${port} on ${host} needs privileges this process lacks; choose a port above 1023`,
          ),
        )
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(
          new ConfigError(`HOST ${host} is not an address of this machine; use e.g. 127.0.0.1 or 0.0.0.0`),
        )
      } else {
        reject(error)
      }
    })
  })
}
