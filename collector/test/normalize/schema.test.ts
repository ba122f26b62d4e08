import { SpanEventRow, SpanRow } from '@assay/core'
import { expect, it } from 'vitest'
import { DECODERS } from './decoders.js'
import { loadFixtures } from './fixtures.js'
import { runScenario } from './scenario.js'

it.each(DECODERS)('every row from every fixture satisfies the core schemas (%s)', (_, decoder) => {
  const fixtures = loadFixtures()
  const s = runScenario(fixtures, decoder)
  expect(s.spans.length).toBeGreaterThan(50)
  expect(s.rejected).toBe(0)
  for (const row of s.spans) expect(SpanRow.safeParse(row).error).toBeUndefined()
  for (const event of s.events) expect(SpanEventRow.safeParse(event).error).toBeUndefined()
  for (const row of s.spans) {
    if (row.input !== '') expect(() => JSON.parse(row.input)).not.toThrow()
    if (row.output !== '') expect(() => JSON.parse(row.output)).not.toThrow()
  }
})
