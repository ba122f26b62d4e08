/** With auth on, the dashboard asks for the admin secret, then shows the view that was asked for. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AssayProcess, startAssay } from './assay-process'
import { launch, shot, type TestBrowser } from './browser'

const SECRET = 'correct-horse-battery-staple'
let assay: AssayProcess
let browser: TestBrowser

beforeAll(async () => {
  ;[assay, browser] = await Promise.all([
    startAssay({ ASSAY_AUTH: 'on', ASSAY_ADMIN_SECRET: SECRET }),
    launch(),
  ])
})

afterAll(async () => {
  await browser?.close()
  await assay?.stop()
})

describe('sign-in', () => {
  it('sends a signed-out visitor to sign in, refuses a wrong secret, then returns to the page', async () => {
    const { page, errors } = await browser.newPage()
    await page.goto(`${assay.url}/traces?range=7d`)
    await page.waitForURL(/\/signin\?next=/)
    const secret = page.getByLabel('Admin secret')
    await secret.fill('wrong-secret-value')
    await secret.press('Enter')
    await page.getByText('wrong admin secret').waitFor()
    await shot(page, 'signin')
    await secret.fill(SECRET)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/traces\?range=7d$/)
    await page.getByTestId('empty-state').waitFor()
    // With auth on, the copied lines carry the key (once /auth/me has answered).
    await page.getByTestId('empty-state').getByText('ASSAY_API_KEY=ak_...').first().waitFor()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/signin/)
    expect(errors.filter((e) => !/401/.test(e))).toEqual([])
    await page.close()
  })
})
