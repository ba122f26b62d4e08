/**
 * `import '@assay/sdk/register'` / `node --import @assay/sdk/register app.js`:
 * start tracing with settings from the environment, then instrument the
 * app's ESM `openai` before any of the app's own code runs (top-level await
 * holds the app's modules back until it is done).
 */
import { init } from './setup/init.js'
import { instrumentEsmOpenAI } from './setup/openai-esm.js'

await instrumentEsmOpenAI(init().openai)
