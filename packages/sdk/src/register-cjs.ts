/**
 * `require('@assay/sdk/register')`: start tracing with settings from the
 * environment. CommonJS `require('openai')` calls after this are patched by
 * the instrumentation's require hook.
 */
import { init } from './setup/init.js'

init()
