// Datasets in the browser: a dataset's items, and a trace added to a new
// dataset from the trace page (a failed request keeps the name typed).
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shot } from './browser'
import { call, failOnce, type Part2Env, startPart2 } from './seed-part2'

let env: Part2Env
let page: Page
let errors: string[]

beforeAll(async () => {
  env = await startPart2()
  ;({ page, errors } = await env.browser.newPage())
})
afterAll(() => env?.close())

describe('datasets', () => {
  it("browses a dataset's items and opens one", async () => {
    await page.goto(`${env.assay.url}/datasets`)
    await page.locator('tr[data-dataset="support-qa"]').click()
    const rows = page.locator('tr[data-item]')
    await expect.poll(() => rows.count()).toBe(12)
    await rows.nth(1).click()
    const open = page.locator('tr.item-open')
    await open.waitFor()
    expect(await open.textContent()).toContain('Reset links expire after 30 minutes.')
    await shot(page, 'datasets-items')
  })

  it('adds a trace to a new dataset from the trace page, and the item survives a reload', async () => {
    const traceId = env.seed.traceIds[0]!
    await page.goto(`${env.assay.url}/traces/view?id=${traceId}`)
    await page.getByRole('button', { name: 'Add to dataset' }).click()
    await page.getByLabel('Dataset', { exact: true }).selectOption('__new__')
    await page.getByLabel('New dataset name').fill('password-questions')
    const failed = await failOnce(page, '**/api/datasets', 'POST')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect
      .poll(() => page.locator('.error-text[role=alert]').textContent())
      .toContain('server failed (500)')
    expect(failed()).toBe(true)
    expect(await page.getByLabel('New dataset name').inputValue()).toBe('password-questions')
    await shot(page, 'datasets-add-failed')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    const status = page.getByRole('status')
    await expect.poll(() => status.textContent()).toContain('Added to password-questions as version 1')
    await shot(page, 'datasets-add')
    await status.getByRole('link', { name: 'password-questions' }).click()
    await page.waitForURL(/\/datasets\/view\?id=/)
    await page.reload()
    const row = page.locator('tr[data-item]')
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.textContent()).toContain('How do I reset my password?')
    expect(await row.getByRole('link', { name: 'trace →' }).getAttribute('href')).toBe(
      `/traces/view?id=${traceId}`,
    )
    const datasets = await call<{ items: { name: string }[] }>(env.assay.url, 'GET', '/datasets')
    expect(datasets.items.map((d) => d.name).sort()).toEqual(['password-questions', 'support-qa'])
    expect(errors.filter((e) => !/status of 500/.test(e))).toEqual([])
  })
})
