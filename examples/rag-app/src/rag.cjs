// The app itself, written once and loaded by the ESM and CommonJS entry
// points (app.mjs, app.cjs, main.mjs). It gets `openai` and `@assay/sdk`
// from its caller so each entry uses its own module system's copies.
// Prints one `RESULT {...}` line: the answers and the trace id of each step.

const MODEL = process.env.RAG_MODEL || 'gpt-4o-mini'

const DOCS = [
  { id: 'doc-1', content: 'Assay stores traces in ClickHouse.', metadata: { source: 'docs/storage.md' } },
  { id: 'doc-2', content: 'Prompts are versioned and aliased.', metadata: { source: 'docs/prompts.md' } },
  { id: 'doc-3', content: 'The SDK exports spans over OTLP.', metadata: { source: 'docs/sdk.md' } },
]

const FALLBACK_PROMPT = [
  { role: 'system', content: 'Answer from the context.\n{{context}}' },
  { role: 'user', content: '{{question}}' },
]

const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
}

async function main({ OpenAI, sdk }) {
  const client = new OpenAI({ maxRetries: 0 }) // OPENAI_BASE_URL and OPENAI_API_KEY from the environment
  await sdk.setActiveModel({ name: 'rag-app', params: { model: MODEL, topK: 2 } })

  const retrieve = sdk.trace(
    async (question) => {
      const words = question.toLowerCase().split(/\W+/)
      return DOCS.map((d) => ({
        ...d,
        score: words.filter((w) => w && d.content.toLowerCase().includes(w)).length,
      }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 2)
    },
    { name: 'retrieve', kind: 'RETRIEVER' },
  )

  const messagesFor = async (vars) => {
    try {
      return (await sdk.prompts.get('rag-answer@production')).format(vars)
    } catch {
      // No Assay and nothing cached: the same template, kept in code.
      return FALLBACK_PROMPT.map((m) => ({
        role: m.role,
        content: m.content.replace(/\{\{(\w+)\}\}/g, (_, k) => vars[k]),
      }))
    }
  }

  const answer = sdk.trace(
    async (question) => {
      sdk.setTraceAttributes({ sessionId: 'session-1', userId: 'user-1', tags: ['example'] })
      const docs = await retrieve(question)
      const messages = await messagesFor({ question, context: docs.map((d) => d.content).join('\n') })
      const stream = await client.chat.completions.create({
        model: MODEL,
        messages,
        stream: true,
        stream_options: { include_usage: true },
      })
      let text = ''
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? ''
      return { text, traceId: sdk.currentTraceId() }
    },
    { name: 'answer-question', kind: 'CHAIN' },
  )

  const getWeather = sdk.trace(async ({ city }) => ({ city, forecast: 'sunny', celsius: 21 }), {
    name: 'get_weather',
    kind: 'TOOL',
  })

  const agent = sdk.trace(
    async (question) => {
      const user = { role: 'user', content: question }
      const first = await client.chat.completions.create({
        model: MODEL,
        messages: [user],
        tools: [WEATHER_TOOL],
      })
      const call = first.choices[0].message.tool_calls[0]
      const result = await getWeather(JSON.parse(call.function.arguments))
      const second = await client.chat.completions.create({
        model: MODEL,
        messages: [
          user,
          first.choices[0].message,
          { role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) },
        ],
        tools: [WEATHER_TOOL],
      })
      return { text: second.choices[0].message.content, traceId: sdk.currentTraceId() }
    },
    { name: 'weather-agent', kind: 'AGENT' },
  )

  const failing = sdk.trace(
    async () => {
      const traceId = sdk.currentTraceId()
      try {
        await client.chat.completions.create({
          model: MODEL,
          messages: [{ role: 'user', content: 'Break [[error:500]]' }],
        })
        return { text: 'unexpected success', traceId }
      } catch (err) {
        return { text: `failed with ${err.status}`, traceId }
      }
    },
    { name: 'failing-call', kind: 'CHAIN' },
  )

  const results = {
    answer: await answer('Where does Assay store traces?'),
    agent: await agent('What is the weather in Paris?'),
    failing: await failing(),
  }
  console.log(`RESULT ${JSON.stringify(results)}`)
}

module.exports = { main }
