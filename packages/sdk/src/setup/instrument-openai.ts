/**
 * `instrumentOpenAI(module)`: for apps that call `init()` themselves in ESM
 * (where require hooks do not see `import 'openai'`) or bundle `openai`:
 * hand the loaded module over and its client is traced like with `register`.
 */
import { init } from './init.js'
import { patchOpenAIModule } from './openai-esm.js'

export function instrumentOpenAI(openaiModule: unknown): boolean {
  return patchOpenAIModule(init().openai, openaiModule)
}
