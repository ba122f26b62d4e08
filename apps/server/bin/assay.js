#!/usr/bin/env -S node --max-semi-space-size=64
// The `assay` binary: loads the TypeScript entry point through tsx, so the
// server runs from source with no build step.
//
// --max-semi-space-size=64 (MiB; Node 20's default tops out at 16): an OTLP
// export is decoded and normalized in one synchronous pass that allocates a
// few MB; with the default young generation a scavenge often lands in the
// middle of it, and what is live then survives twice and is promoted, to be
// marked again by every full collection. With 64 the ingest bench's server
// spent ~11 ms less CPU per 1k spans (JS main thread 29 -> 24, V8 helper
// threads 19 -> 13). `npm start` and the Dockerfile pass the same flags (a
// test holds the three equal); `node bin/assay.js` without them still works.
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')
