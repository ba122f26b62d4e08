// CommonJS: the one require comes first, the app follows.
require('@assay/sdk/register')
const sdk = require('@assay/sdk')
const { OpenAI } = require('openai')
const { main } = require('./rag.cjs')

main({ OpenAI, sdk }).catch((err) => {
  console.error(err)
  process.exitCode = 1
})
