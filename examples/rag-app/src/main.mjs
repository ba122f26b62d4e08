// The app without instrumentation of its own: run it as
// `node --import @assay/sdk/register src/main.mjs`, or import it after the
// one import (app.mjs).
import * as sdk from '@assay/sdk'
import OpenAI from 'openai'
import rag from './rag.cjs'

await rag.main({ OpenAI, sdk })
