import OpenAI from 'openai'

/**
 * One `openai` client per endpoint and key, reused across judge calls so
 * connections are kept alive. The client's own retries are off: the retry
 * loop here honours `Retry-After`, jitters, and counts attempts itself.
 */
const clients = new Map<string, OpenAI>()
const MAX_CLIENTS = 64

export function openaiClient(baseURL: string, apiKey: string | undefined): OpenAI {
  const key = `${baseURL}\u0000${apiKey ?? ''}`
  let client = clients.get(key)
  if (!client) {
    if (clients.size >= MAX_CLIENTS) clients.clear()
    // Endpoints such as a local model server take no key; the client insists on one.
    client = new OpenAI({ baseURL, apiKey: apiKey ?? 'not-set', maxRetries: 0 })
    clients.set(key, client)
  }
  return client
}
