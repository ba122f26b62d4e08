// Dual build for the published package: ESM (`dist/*.js`) and CommonJS
// (`dist/*.cjs`). `register` differs between the two: the ESM one awaits the
// ESM `openai` patch at top level, which CommonJS cannot express.
import { defineConfig, type Options } from 'tsup'

const shared: Options = {
  outDir: 'dist',
  target: 'node20',
  platform: 'node',
  dts: true,
  sourcemap: true,
  external: ['openai'],
}

export default defineConfig([
  { ...shared, entry: { index: 'src/index.ts', register: 'src/register.ts' }, format: 'esm', clean: true },
  // shims: `import.meta.url` (openai-additions.ts) in the CommonJS build.
  {
    ...shared,
    entry: { index: 'src/index.ts', register: 'src/register-cjs.ts' },
    format: 'cjs',
    shims: true,
  },
])
