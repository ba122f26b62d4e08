/**
 * Debian's Chromium driven by playwright-core (no browser download): one
 * browser per test file, a fresh context per test, screenshots saved under
 * test/screenshots/ so a person can look at them.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

export const CHROMIUM = process.env.TEST_CHROMIUM ?? '/usr/bin/chromium'
export const screenshots = path.resolve(import.meta.dirname, 'screenshots')

export interface TestBrowser {
  browser: Browser
  newPage(options?: {
    width?: number
    height?: number
  }): Promise<{ page: Page; context: BrowserContext; errors: string[] }>
  close(): Promise<void>
}

export async function launch(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
  mkdirSync(screenshots, { recursive: true })
  return {
    browser,
    async newPage({ width = 1440, height = 900 } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
      return { page, context, errors }
    },
    // playwright gives every launch a fresh temporary profile (--user-data-dir) and removes it.
    async close() {
      await browser.close()
    },
  }
}

export async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(screenshots, `${name}.png`)
  await page.screenshot({ path: file })
  return file
}

/** A window wide enough for the fixtures (captured on a fixed date) and today's data. */
export const WIDE = `from=2020-01-01T00:00:00.000Z&to=${new Date(Date.now() + 86_400_000).toISOString()}`
