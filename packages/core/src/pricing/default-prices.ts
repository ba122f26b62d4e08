import type { PriceEntry, PriceTable } from './types.js'

/**
 * Illustrative public list prices (USD per 1M tokens) of common OpenAI,
 * Anthropic and Google models, standard tier, short-context rates. They are
 * a convenience for showing approximate cost, not billing data: check the
 * providers' pages and pass a per-project table where it matters. A price
 * change is a new entry with a later `effectiveFrom`; never edit an old one,
 * or stored costs stop matching their spans.
 */

const openai: PriceEntry[] = [
  { pattern: 'gpt-5*', effectiveFrom: '2025-08-07', input: 1.25, cachedInput: 0.125, output: 10 },
  { pattern: 'gpt-5-mini*', effectiveFrom: '2025-08-07', input: 0.25, cachedInput: 0.025, output: 2 },
  { pattern: 'gpt-5-nano*', effectiveFrom: '2025-08-07', input: 0.05, cachedInput: 0.005, output: 0.4 },
  { pattern: 'gpt-4.1*', effectiveFrom: '2025-04-14', input: 2, cachedInput: 0.5, output: 8 },
  { pattern: 'gpt-4.1-mini*', effectiveFrom: '2025-04-14', input: 0.4, cachedInput: 0.1, output: 1.6 },
  { pattern: 'gpt-4.1-nano*', effectiveFrom: '2025-04-14', input: 0.1, cachedInput: 0.025, output: 0.4 },
  { pattern: 'gpt-4o*', effectiveFrom: '2024-05-13', input: 5, output: 15 },
  { pattern: 'gpt-4o*', effectiveFrom: '2024-10-02', input: 2.5, cachedInput: 1.25, output: 10 },
  { pattern: 'gpt-4o-2024-05-13*', effectiveFrom: '2024-05-13', input: 5, output: 15 },
  { pattern: 'gpt-4o-mini*', effectiveFrom: '2024-07-18', input: 0.15, cachedInput: 0.075, output: 0.6 },
  { pattern: 'gpt-4-turbo*', effectiveFrom: '2024-04-09', input: 10, output: 30 },
  { pattern: 'gpt-4', effectiveFrom: '2023-03-14', input: 30, output: 60 },
  { pattern: 'gpt-4-0613', effectiveFrom: '2023-06-13', input: 30, output: 60 },
  { pattern: 'gpt-3.5-turbo*', effectiveFrom: '2024-01-25', input: 0.5, output: 1.5 },
  { pattern: 'o1*', effectiveFrom: '2024-12-17', input: 15, cachedInput: 7.5, output: 60 },
  { pattern: 'o1-mini*', effectiveFrom: '2024-09-12', input: 3, cachedInput: 1.5, output: 12 },
  { pattern: 'o1-mini*', effectiveFrom: '2025-01-31', input: 1.1, cachedInput: 0.55, output: 4.4 },
  { pattern: 'o3*', effectiveFrom: '2025-04-16', input: 10, cachedInput: 2.5, output: 40 },
  { pattern: 'o3*', effectiveFrom: '2025-06-10', input: 2, cachedInput: 0.5, output: 8 },
  { pattern: 'o3-mini*', effectiveFrom: '2025-01-31', input: 1.1, cachedInput: 0.55, output: 4.4 },
  { pattern: 'o3-pro*', effectiveFrom: '2025-06-10', input: 20, output: 80 },
  { pattern: 'o4-mini*', effectiveFrom: '2025-04-16', input: 1.1, cachedInput: 0.275, output: 4.4 },
  { pattern: 'text-embedding-3-small*', effectiveFrom: '2024-01-25', input: 0.02, output: 0 },
  { pattern: 'text-embedding-3-large*', effectiveFrom: '2024-01-25', input: 0.13, output: 0 },
  { pattern: 'text-embedding-ada-002*', effectiveFrom: '2022-12-15', input: 0.1, output: 0 },
].map((e) => ({ ...e, provider: 'openai' }))

const anthropic: PriceEntry[] = [
  { pattern: 'claude-3-haiku*', effectiveFrom: '2024-03-07', input: 0.25, cachedInput: 0.03, output: 1.25 },
  { pattern: 'claude-3-sonnet*', effectiveFrom: '2024-03-04', input: 3, cachedInput: 0.3, output: 15 },
  { pattern: 'claude-3-opus*', effectiveFrom: '2024-03-04', input: 15, cachedInput: 1.5, output: 75 },
  { pattern: 'claude-3-5-sonnet*', effectiveFrom: '2024-06-20', input: 3, cachedInput: 0.3, output: 15 },
  { pattern: 'claude-3-5-haiku*', effectiveFrom: '2024-11-04', input: 0.8, cachedInput: 0.08, output: 4 },
  { pattern: 'claude-3-7-sonnet*', effectiveFrom: '2025-02-24', input: 3, cachedInput: 0.3, output: 15 },
  { pattern: 'claude-sonnet-4*', effectiveFrom: '2025-05-22', input: 3, cachedInput: 0.3, output: 15 },
  { pattern: 'claude-opus-4*', effectiveFrom: '2025-05-22', input: 15, cachedInput: 1.5, output: 75 },
  { pattern: 'claude-opus-4-5*', effectiveFrom: '2025-11-24', input: 5, cachedInput: 0.5, output: 25 },
  { pattern: 'claude-haiku-4-5*', effectiveFrom: '2025-10-15', input: 1, cachedInput: 0.1, output: 5 },
].map((e) => ({ ...e, provider: 'anthropic' }))

const google: PriceEntry[] = [
  { pattern: 'gemini-1.5-pro*', effectiveFrom: '2024-10-01', input: 1.25, output: 5 },
  { pattern: 'gemini-1.5-flash*', effectiveFrom: '2024-08-12', input: 0.075, output: 0.3 },
  { pattern: 'gemini-2.0-flash*', effectiveFrom: '2025-02-05', input: 0.1, cachedInput: 0.025, output: 0.4 },
  { pattern: 'gemini-2.0-flash-lite*', effectiveFrom: '2025-02-25', input: 0.075, output: 0.3 },
  { pattern: 'gemini-2.5-pro*', effectiveFrom: '2025-06-17', input: 1.25, cachedInput: 0.31, output: 10 },
  { pattern: 'gemini-2.5-flash*', effectiveFrom: '2025-06-17', input: 0.3, cachedInput: 0.075, output: 2.5 },
  {
    pattern: 'gemini-2.5-flash-lite*',
    effectiveFrom: '2025-07-22',
    input: 0.1,
    cachedInput: 0.025,
    output: 0.4,
  },
  { pattern: 'gemini-embedding-001*', effectiveFrom: '2025-07-14', input: 0.15, output: 0 },
].map((e) => ({ ...e, provider: 'google' }))

export const DEFAULT_PRICE_TABLE: PriceTable = {
  version: '2025-11-30',
  entries: [...openai, ...anthropic, ...google],
}
