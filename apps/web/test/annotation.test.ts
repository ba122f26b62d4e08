// Annotation in the browser: a queue made from a filter, and a queue of 20
// traces labelled with the keyboard alone (thumbs, category, score,
// correction; submit, skip, previous): progress, a failed submission that
// keeps the labels, and labels that survive a reload as human assessments.
import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shot } from './browser'
import { call, failOnce, type Part2Env, startPart2 } from './seed-part2'

let env: Part2Env
let page: Page
let errors: string[]
const docsImages = path.resolve(import.meta.dirname, '../../../docs/images')

beforeAll(async () => {
  env = await startPart2()
  ;({ page, errors } = await env.browser.newPage())
})
afterAll(() => env?.close())

const position = () => page.getByTestId('item-position').textContent()

describe('annotation', () => {
  it('shows queues with their progress', async () => {
    await page.goto(`${env.assay.url}/annotation`)
    const row = page.locator('tr[data-queue="Support answers, week 48"]')
    await row.waitFor()
    expect(await row.textContent()).toContain('0/20')
    await shot(page, 'annotation-queues')
  })

  it('labels a queue of 20 items using only the keyboard', async () => {
    await page.goto(`${env.assay.url}/annotation/label?queue=${env.seed.queueId}`)
    for (let i = 0; i < 20; i++) {
      await expect.poll(position).toBe(`item ${i + 1} of 20`)
      if (i === 7) {
        // Skip one, then come back to it with the previous key and label it after all.
        await page.keyboard.press('s')
        await expect.poll(position).toBe(`item ${i + 2} of 20`)
        await page.keyboard.press('ArrowLeft')
        await expect.poll(position).toBe(`item ${i + 1} of 20`)
        await page.locator('.label-panel .pill', { hasText: 'skipped' }).waitFor()
      }
      await page.keyboard.press(i % 3 === 2 ? 'n' : 'y')
      await page.keyboard.press(String((i % 4) + 1))
      await page.keyboard.press('e')
      await page.keyboard.type(String((i % 5) + 1))
      await page.keyboard.press('Escape')
      if (i % 3 === 2) {
        await page.keyboard.press('c')
        await page.keyboard.type(`Correct answer for item ${i + 1}.`)
        await page.keyboard.press('Escape')
      }
      if (i === 0) {
        const file = await shot(page, 'annotation-label')
        // The README's picture: refreshed only when asked, so a test run leaves the tree clean.
        if (process.env.UPDATE_DOC_IMAGES) {
          mkdirSync(docsImages, { recursive: true })
          copyFileSync(file, path.join(docsImages, 'labelling.png'))
        }
      }
      if (i === 2) {
        // A failed submission: the error shows, every label stays, Enter again succeeds.
        const failed = await failOnce(page, '**/labels', 'POST')
        await page.keyboard.press('Enter')
        await expect
          .poll(() => page.locator('.error-text[role=alert]').textContent())
          .toContain('server failed (500)')
        expect(failed()).toBe(true)
        expect(await page.getByRole('button', { name: /Bad/ }).getAttribute('aria-pressed')).toBe('true')
        expect(await page.getByLabel('correction').inputValue()).toBe('Correct answer for item 3.')
        expect(await page.getByLabel('quality').inputValue()).toBe('3')
        expect(await position()).toBe('item 3 of 20')
      }
      // When i === 7 the item was skipped: after labelling it, the next claim is the one after.
      await page.keyboard.press('Enter')
    }
    await page.getByTestId('queue-done').waitFor()
    expect(await page.locator('.progress-text').first().textContent()).toBe('20/20')
    // Twenty items of five key presses and three requests each: give a loaded CI machine room.
  }, 180_000)

  it('keeps the labels across a reload, as human assessments on the traces', async () => {
    const items = await call<{ items: { id: string; traceId: string; status: string }[] }>(
      env.assay.url,
      'GET',
      `/annotation-queues/${env.seed.queueId}/items?limit=50`,
    )
    expect(items.items.map((i) => i.status)).toEqual(Array(20).fill('completed'))
    const third = items.items[2]!
    await page.goto(`${env.assay.url}/annotation/label?queue=${env.seed.queueId}&item=${third.id}`)
    await expect.poll(position).toBe('item 3 of 20')
    expect(await page.getByRole('button', { name: /Bad/ }).getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByRole('button', { name: /team/ }).getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByLabel('correction').inputValue()).toBe('Correct answer for item 3.')
    const assessments = await call<{ items: { name: string; value: unknown; source_type: string }[] }>(
      env.assay.url,
      'GET',
      `/traces/${third.traceId}/assessments`,
    )
    const human = Object.fromEntries(
      assessments.items.filter((a) => a.source_type === 'HUMAN').map((a) => [a.name, a.value]),
    )
    expect(human).toEqual({
      helpful: false,
      topic: 'team',
      quality: 3,
      correction: 'Correct answer for item 3.',
    })
  })

  it('creates a queue from a filter; a bad filter is reported and the form keeps its fields', async () => {
    await page.goto(`${env.assay.url}/annotation`)
    await page.getByRole('button', { name: 'New queue' }).click()
    await page.getByLabel('Queue name').fill('Retrieval spot-check')
    await page.getByRole('checkbox', { name: /helpful/ }).check()
    await page.getByLabel('Filter').fill("span.kind = 'RETRIEVER' AND")
    await page.getByLabel('Window').selectOption('30d')
    await page.getByRole('button', { name: 'Create queue' }).click()
    await expect.poll(() => page.locator('.error-text[role=alert]').textContent()).toContain('filter')
    expect(await page.getByLabel('Queue name').inputValue()).toBe('Retrieval spot-check')
    await page.getByLabel('Filter').fill("span.kind = 'RETRIEVER'")
    await page.getByLabel('Queue name').fill('Retrieval spot-check 2')
    await page.getByRole('button', { name: 'Create queue' }).click()
    await page.getByText(/Queue created with \d+ traces/).waitFor()
    const row = page.locator('tr[data-queue="Retrieval spot-check 2"]')
    await row.waitFor()
    expect(await row.textContent()).toMatch(/0\/\d+/)
    expect(errors.filter((e) => !/status of (400|500)/.test(e))).toEqual([])
  })
})
