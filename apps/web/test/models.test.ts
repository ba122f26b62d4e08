// Models in the browser: the list with params, commits and metrics; two
// versions compared side by side with a chart; a model's traces one click away.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shot } from './browser'
import { type Part2Env, startPart2 } from './seed-part2'

let env: Part2Env
let page: Page
let errors: string[]

beforeAll(async () => {
  env = await startPart2()
  ;({ page, errors } = await env.browser.newPage())
})
afterAll(() => env?.close())

describe('models', () => {
  it('lists each version with its params, commit and latest evaluation', async () => {
    await page.goto(`${env.assay.url}/models`)
    const rows = page.locator('tr[data-model]')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(3)
    const v1 = page.locator('tr[data-model="support-bot"]', { hasText: '9f2c1e7' })
    await expect.poll(() => v1.textContent()).toContain('66.7%')
    expect(await v1.textContent()).toContain('temperature 0.7')
    expect(
      await page.locator('tr[data-model="support-bot"]', { hasText: 'c41d8a0*' }).textContent(),
    ).toContain('reranker true')
    await shot(page, 'models-list')
  })

  it('compares two versions side by side: metrics, latency, tokens, cost and a chart', async () => {
    const boxes = page.locator('tr[data-model="support-bot"] input[type=checkbox]')
    await boxes.nth(0).check()
    await boxes.nth(1).check()
    await page.getByRole('button', { name: /Compare/ }).click()
    await page.waitForURL(/\/models\/compare\?ids=/)
    const table = page.getByTestId('model-compare')
    await table.waitFor()
    const correctness = page.locator('tr[data-metric="correctness"]')
    await expect.poll(() => correctness.textContent()).toMatch(/75\.0%.*66\.7%|66\.7%.*75\.0%/)
    expect(await correctness.locator('td.best').textContent()).toBe('75.0%')
    for (const metric of ['Latency p50', 'Tokens / trace', 'Cost / trace'])
      expect(await page.locator(`tr[data-metric="${metric}"] td.right`).count()).toBe(2)
    expect(await page.locator('.bar-chart svg rect').count()).toBeGreaterThan(10)
    await shot(page, 'models-compare')
  })

  it("opens a model's traces from its name", async () => {
    await page.goto(`${env.assay.url}/models`)
    await page.getByRole('link', { name: 'support-bot-lite' }).click()
    await page.waitForURL(/\/traces\?/)
    const url = new URL(page.url())
    expect(url.searchParams.get('filter')).toBe(`model.id = '${env.seed.models[2]!.id}'`)
    await page.getByText('support-agent').first().waitFor()
    expect(errors).toEqual([])
  })
})
