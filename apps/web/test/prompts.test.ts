// Prompts in the browser: a version's template with its variables, the diff
// of two versions, moving an alias with a confirmation, registering a
// version (a failed request keeps the edits), the traces that used one.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shot } from './browser'
import { call, failOnce, type Part2Env, startPart2 } from './seed-part2'

let env: Part2Env
let page: Page
let errors: string[]
const prompt = () => `${env.assay.url}/prompts/view?name=support-answer`

beforeAll(async () => {
  env = await startPart2()
  ;({ page, errors } = await env.browser.newPage())
})
afterAll(() => env?.close())

describe('prompts', () => {
  it("shows a version's template with its variables marked, and its model config", async () => {
    await page.goto(`${env.assay.url}/prompts`)
    await page.locator('tr[data-prompt="support-answer"]').click()
    await page.waitForURL(/\/prompts\/view\?name=support-answer/)
    const view = page.getByTestId('version-view')
    await view.waitFor()
    expect(await view.locator('.var-list .template-var').allTextContents()).toEqual([
      '{{company}}',
      '{{language}}',
      '{{context}}',
      '{{question}}',
    ])
    expect(await view.locator('.kv').textContent()).toContain('gpt-4o')
    expect(await page.locator('.page-head .pill.alias').allTextContents()).toEqual([
      'production: v1',
      'staging: v2',
    ])
    await shot(page, 'prompts-version')
  })

  it('diffs two versions line by line, with the changed model config', async () => {
    await page.getByRole('button', { name: 'Diff', exact: true }).click()
    await page.getByLabel('From version').selectOption('1')
    const diff = page.getByTestId('diff-view')
    await expect
      .poll(() => diff.locator('.diff-line.add').allTextContents())
      .toContain('+Reply in {{language}}.')
    expect(await diff.locator('.diff-config').textContent()).toContain('gpt-4o-mini')
    await shot(page, 'prompts-diff')
  })

  it('moves an alias after a confirmation, and the move survives a reload', async () => {
    await page.goto(`${prompt()}&v=2&tab=aliases`)
    await page.getByLabel('Alias', { exact: true }).fill('production')
    await page.getByRole('button', { name: 'Point to v2' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('production points to v1')
    await shot(page, 'prompts-alias-confirm')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await page.reload()
    await expect
      .poll(() => page.locator('.page-head .pill.alias').allTextContents())
      .toContain('production: v2')
    const aliases = await call<{ items: { name: string; version: number }[] }>(
      env.assay.url,
      'GET',
      '/prompts/support-answer/aliases',
    )
    expect(aliases.items.find((a) => a.name === 'production')?.version).toBe(2)
    expect(await page.locator('.alias-history li').first().textContent()).toContain('v1 → v2')
  })

  it('registers a new version from the page; a failed request shows the error and keeps the edits', async () => {
    await page.goto(`${prompt()}&v=3`)
    await page.getByTestId('version-view').waitFor()
    await page.getByRole('button', { name: 'New version' }).click()
    const message = page.getByLabel('Message 3', { exact: true })
    await message.fill('{{question}}\n\nKeep it under 80 words.')
    await page.getByLabel('Model config', { exact: true }).fill('{"model": "gpt-4o", "temperature": 0.1}')
    await page.getByLabel('Commit message').fill('Shorter answers')
    const failed = await failOnce(page, '**/api/prompts/support-answer/versions', 'POST')
    await page.getByRole('button', { name: 'Register version' }).click()
    await expect
      .poll(() => page.locator('.error-text[role=alert]').textContent())
      .toContain('server failed (500)')
    expect(failed()).toBe(true)
    expect(await message.inputValue()).toBe('{{question}}\n\nKeep it under 80 words.')
    expect(await page.getByLabel('Commit message').inputValue()).toBe('Shorter answers')
    // Bad input gets the API's own reason, still without losing anything.
    await page.getByLabel('Model config', { exact: true }).fill('{"temperature": "hot"}')
    await page.getByRole('button', { name: 'Register version' }).click()
    await expect.poll(() => page.locator('.error-text[role=alert]').textContent()).toContain('temperature')
    expect(await page.getByLabel('Commit message').inputValue()).toBe('Shorter answers')
    await page.getByLabel('Model config', { exact: true }).fill('{"model": "gpt-4o", "temperature": 0.1}')
    await page.getByRole('button', { name: 'Register version' }).click()
    await page.waitForURL(/v=4/)
    await page.reload()
    const v4 = page.getByRole('option', { name: /v4/ })
    await v4.waitFor()
    expect(await v4.textContent()).toContain('Shorter answers')
    expect(await page.getByTestId('version-view').textContent()).toContain('Keep it under 80 words.')
  })

  it('lists the traces that used a version', async () => {
    await page.goto(`${prompt()}&v=2&tab=traces`)
    const traces = page.getByTestId('version-traces')
    await expect.poll(() => traces.locator('tr').count()).toBe(12)
    expect(await traces.textContent()).toContain('support-agent')
    await shot(page, 'prompts-traces')
    // The failed and refused requests of the tests above are the only console errors.
    expect(errors.filter((e) => !/status of (400|500)/.test(e))).toEqual([])
  })
})
