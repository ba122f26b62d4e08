/**
 * The dashboard is a static export (`out/`), served by `assay serve` on the
 * API's port: no Node server of Next's own, so every page is a client page
 * that reads the API, and ids travel in query strings (`/traces/view?id=`).
 */
import path from 'node:path'
import type { NextConfig } from 'next'

const config: NextConfig = {
  output: 'export',
  // The typed API client is TypeScript source in the workspace.
  transpilePackages: ['@assay/api'],
  // `npm run typecheck` checks the types; the build does not do it twice.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
  images: { unoptimized: true },
  turbopack: { root: path.resolve(import.meta.dirname, '../..') },
}

export default config
