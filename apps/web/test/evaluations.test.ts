// Evaluations in the browser: runs with per-scorer pass rates, a run's
// failures with the judge's rationale, two runs compared item by item,
// judge calibration against human labels.
import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shot } from './browser'
import { type Part2Env, startPart2 } from './seed-part2'

let env: Part2Env
let page: Page
let errors: string[]
const docsImages = path.resolve(import.meta.dirname, '../../../docs/images')

beforeAll(async () => {
  env = await startPart2()
  ;({ page, errors } = await env.browser.newPage())
})
afterAll(() => env?.close())

describe('evaluations', () => {
  it('lists runs with per-scorer pass rates, their dataset version and model', async () => {
    await page.goto(`${env.assay.url}/evaluations`)
    const run = page.locator('tr[data-run="candidate · rerank"]')
    // Dataset and model names arrive by their own requests.
    await expect.poll(() => run.textContent()).toContain('support-qa v1')
    await expect.poll(() => run.textContent()).toContain('support-bot')
    expect(await run.textContent()).toContain('correctness 75.0%')
    await shot(page, 'evaluations-runs')
  })

  it("opens a failing item and reads the judge's rationale, with input, output and expectations", async () => {
    await page.getByRole('link', { name: 'candidate · rerank' }).click()
    await page.waitForURL(/\/evaluations\/view\?id=/)
    await page.getByRole('button', { name: /Failures/ }).click()
    const items = page.locator('.run-item')
    await expect.poll(() => items.count()).toBe(3)
    await items.filter({ hasText: env.seed.failing.question }).click()
    const detail = page.getByTestId('item-detail')
    const judge = detail.locator('[data-scorer="correctness"]')
    await expect.poll(() => judge.locator('.rationale').textContent()).toBe(env.seed.failing.rationale)
    expect(await judge.locator('.pill').first().textContent()).toBe('fail')
    const body = await detail.textContent()
    expect(body).toContain('We only accept credit cards.')
    expect(body).toContain('Yes, on annual plans')
    const file = await shot(page, 'evaluations-run')
    // The README's picture: refreshed only when asked, so a test run leaves the tree clean.
    if (process.env.UPDATE_DOC_IMAGES) {
      mkdirSync(docsImages, { recursive: true })
      copyFileSync(file, path.join(docsImages, 'evaluation-run.png'))
    }
    // j moves to the next failure from the keyboard.
    await page.keyboard.press('j')
    await expect.poll(() => new URL(page.url()).searchParams.get('item')).not.toBe(env.seed.failing.traceId)
    // Keys pressed faster than the page re-renders each move one item: from the first, j j is the third.
    await items.first().click()
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await items.nth(2).and(page.locator('.selected')).waitFor()
  })

  it('compares two runs item by item: what improved and what regressed', async () => {
    const { baseline, candidate } = env.seed.runs
    await page.goto(`${env.assay.url}/evaluations/compare?id=${candidate}&baseline=${baseline}`)
    await page.locator('[data-change="regressed"] dd').waitFor()
    expect(await page.locator('button[data-change="regressed"] dd').textContent()).toBe('2')
    expect(await page.locator('button[data-change="improved"] dd').textContent()).toBe('3')
    const regressed = page.locator('tr[data-change="regressed"]')
    expect(await regressed.count()).toBe(2)
    expect(await regressed.first().textContent()).toMatch(/reset link|refunds/)
    expect(await page.locator('tr[data-scorer="correctness"]').textContent()).toContain('+8.3 pt')
    await shot(page, 'evaluations-compare')
  })

  it("reports each judge's agreement with human labels", async () => {
    await page.goto(`${env.assay.url}/evaluations/calibration?name=correctness`)
    const judge = page.locator('[data-judge="correctness/v2 (gpt-4o)"]')
    await judge.waitFor()
    const text = await judge.textContent()
    expect(text).toContain('Pairs12')
    expect(text).toContain('Agreement83.3%')
    await shot(page, 'evaluations-calibration')
    expect(errors).toEqual([])
  })
})
