// Token counts are a deterministic stand-in (four characters a token, like OpenAI's
// rule of thumb) so tests can assert exact usage and cost without a tokenizer.

export function countTokens(text: string): number {
  return Math.ceil(text.length / 4)
}
