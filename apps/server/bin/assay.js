#!/usr/bin/env node
// The `assay` binary: loads the TypeScript entry point through tsx, so the
// server runs from source with no build step.
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')
