/**
 * For working on the dashboard: `npx tsx test/dev-server.ts` starts
 * `assay serve` on a fresh data directory, seeds it as the browser tests do,
 * prints the URL and keeps running until interrupted.
 */
import { startAssay } from './assay-process'
import { seedAll } from './seed'

const assay = await startAssay({ PORT: process.env.PORT ?? '0' })
const seeded = await seedAll(assay.url)
console.log(JSON.stringify({ url: assay.url, ...seeded }))
process.on('SIGINT', () => assay.stop().then(() => process.exit(0)))
process.on('SIGTERM', () => assay.stop().then(() => process.exit(0)))
