/**
 * The dashboard in a real browser against a real `assay serve`, seeded with
 * the real-client OTLP captures, the SDK's example app and a few traces of
 * our own. One server and one browser for the file; a page per test.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AssayProcess, startAssay } from './assay-process'
import { launch, shot, type TestBrowser, WIDE } from './browser'
import { type Seeded, seedAll, XSS_IMG, XSS_SCRIPT } from './seed'

let assay: AssayProcess
let browser: TestBrowser
let seeded: Seeded

beforeAll(async () => {
  ;[assay, browser] = await Promise.all([startAssay(), launch()])
  seeded = await seedAll(assay.url)
})

afterAll(async () => {
  await browser?.close()
  await assay?.stop()
})

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await browser.newPage()
  await page.goto(`${assay.url}${path}`)
  return { page, errors }
}

const rowNames = (page: Page) => page.locator('.tbody .tr .cell-name').allInnerTexts()

describe('serving', () => {
  it('serves pages with no-cache and hashed assets as immutable, compressed', async () => {
    const html = await fetch(`${assay.url}/traces/view?id=${seeded.session[0]}`)
    expect(html.status).toBe(200)
    expect(html.headers.get('cache-control')).toBe('no-cache')
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await html.text())![1]!
    const js = await fetch(`${assay.url}${script}`, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(js.headers.get('content-encoding')).toBe('br')
    expect((await fetch(`${assay.url}/no/such/page`)).status).toBe(404)
    expect((await fetch(`${assay.url}/api/traces?limit=1`)).headers.get('content-type')).toMatch(/json/)
  })
})

describe('overview', () => {
  it('charts volume, errors, latency, tokens and cost by model, and an assessment', async () => {
    const { page, errors } = await open('/?range=24h')
    await page.locator('.chart-card svg').first().waitFor()
    await page.locator('.legend', { hasText: 'gpt-4o-mini' }).first().waitFor()
    expect(await page.locator('.chart-card').count()).toBe(6)
    expect(await page.locator('.chart-card rect').count()).toBeGreaterThan(20)
    await page.locator('select[aria-label="Assessment"]').waitFor()
    await shot(page, 'overview')
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('traces', () => {
  it('lists traces, filters with suggestions, sorts, chooses columns, keeps it all in the URL', async () => {
    const { page, errors } = await open(`/traces?${WIDE}`)
    await page.locator('.tbody .tr').first().waitFor()
    expect((await rowNames(page)).length).toBeGreaterThan(20)
    await shot(page, 'traces')

    // Suggestions come from the parser, then from values seen.
    const box = page.getByLabel('Filter')
    await box.click()
    await box.fill('span.kind = RE')
    await page.getByRole('option', { name: /RETRIEVER/ }).waitFor()
    await box.fill("trace.name = 'supp")
    await page.getByRole('option', { name: /support-agent/ }).click()
    await page.waitForFunction(() =>
      (document.querySelector('input[aria-label="Filter"]') as HTMLInputElement).value.includes(
        "'support-agent'",
      ),
    )
    await box.press('Enter')
    await page.waitForURL(/filter=/)
    await page.waitForFunction(() => {
      const names = [...document.querySelectorAll('.tbody .tr .cell-name')].map((e) => e.textContent)
      return names.length === 4 && names.every((n) => n === 'support-agent')
    })
    expect(new URL(page.url()).searchParams.get('filter')).toBe("trace.name = 'support-agent'")

    // Sort by duration, longest first (on the server).
    await page.getByRole('columnheader', { name: 'Duration' }).click()
    await page.waitForURL(/sort=duration/)
    await page.waitForFunction(
      () => document.querySelector('.tbody .tr .td:nth-child(6)')?.textContent === '3.30 s',
    )
    await page.getByRole('columnheader', { name: 'Duration' }).click()
    await page.waitForURL(/order=asc/)
    await page.waitForFunction(
      () => document.querySelector('.tbody .tr .td:nth-child(6)')?.textContent === '2.40 s',
    )

    // The column chooser adds the session and an assessment column.
    await page.getByRole('button', { name: 'Columns' }).click()
    await page.getByLabel('Session', { exact: true }).click()
    await page.waitForURL(/cols=.*session/)
    await page.getByLabel(/correctness/).click()
    await page.waitForURL(/cols=.*correctness/)
    await page.keyboard.press('Escape')
    await page.getByRole('columnheader', { name: 'correctness' }).waitFor()
    expect(await page.locator('.tbody .tr').first().innerText()).toContain('support-42')

    // A shared link shows the same view.
    const again = await browser.newPage()
    await again.page.goto(page.url())
    await again.page.getByRole('columnheader', { name: 'correctness' }).waitFor()
    await again.page.locator('.tbody .tr').nth(3).waitFor()
    expect(await again.page.locator('.tbody .tr').count()).toBe(4)
    await again.context.close()

    // j/k and Enter open a trace.
    await page.locator('body').press('j')
    await page.locator('body').press('Enter')
    await page.waitForURL(/\/traces\/view\?id=/)
    expect(errors).toEqual([])
    await page.close()
  })

  it("shows the parser's error at its position", async () => {
    const { page } = await open(`/traces?${WIDE}`)
    const box = page.getByLabel('Filter')
    await box.fill("span.kind = 'LLM' AND span.knd = 'x'")
    const problem = page.getByTestId('filter-problem')
    await problem.waitFor()
    expect(await problem.innerText()).toMatch(/col 23.*span\.knd.*did you mean 'span\.kind'/s)
    expect(await page.locator('.filter-error-mark').innerText()).toMatch(/^span\.knd/)
    await shot(page, 'traces-filter-error')
    await page.close()
  })
})

describe('trace detail', () => {
  it('shows the tree and waterfall, chat messages, documents, search, and keys', async () => {
    const { page, errors } = await open(`/traces/view?id=${seeded.session[1]}`)
    await page.locator('.span-row').first().waitFor()
    expect(await page.locator('.span-row').count()).toBe(4)
    expect(await page.locator('.span-row.err .span-name').innerText()).toBe('lookup_account')
    expect(await page.locator('.wf-bar').count()).toBe(4)

    await page.locator('.span-row', { hasText: 'chat gpt-4o' }).click()
    await page.waitForURL(/span=/)
    const input = page.getByTestId('span-input')
    await input.locator('.msg.role-system').waitFor()
    expect(await input.locator('.msg.role-user').innerText()).toContain('The link expired, what now?')
    expect(await page.locator('.facts').last().innerText()).toMatch(/gpt-4o[\s\S]*in[\s\S]*out/)

    await page.locator('.span-row', { hasText: 'search-kb' }).click()
    const docs = page.getByTestId('span-output').locator('.doc')
    await docs.first().waitFor()
    expect(await docs.count()).toBe(2)
    expect(await docs.first().innerText()).toMatch(/kb-112[\s\S]*0\.91/)
    await shot(page, 'trace-detail')

    await page.getByLabel('Search spans').fill('account')
    await page.getByTestId('search-hits').filter({ hasText: '1 match' }).waitFor()
    expect(await page.locator('.span-row').count()).toBe(2)
    await page.getByLabel('Search spans').fill('')
    await page.locator('.span-row').nth(3).waitFor()
    await page
      .locator('.span-row', { hasText: 'support-agent' })
      .getByRole('button', { name: 'Collapse' })
      .click()
    expect(await page.locator('.span-row').count()).toBe(1)
    await page.locator('.span-row', { hasText: 'support-agent' }).click()
    await page.locator('body').press('ArrowRight')
    await page.locator('.span-row').nth(3).waitFor()
    await page.locator('body').press('j')
    await page.waitForURL(/span=/)
    await page.locator('.span-row.selected', { hasText: 'search-kb' }).waitFor()
    await page.locator('body').press('ArrowLeft')
    await page.locator('.span-row.selected', { hasText: 'support-agent' }).waitFor()
    expect(errors).toEqual([])
    await page.close()
  })

  it('renders tool calls and tool results of the example app', async () => {
    const { page } = await open(`/traces/view?id=${seeded.app.agent}`)
    await page.locator('.span-row').first().waitFor()
    await page.locator('.span-row', { hasText: 'chat' }).last().click()
    const input = page.getByTestId('span-input')
    await input.locator('.tool-call').waitFor()
    expect(await input.locator('.tool-fn').first().innerText()).toBe('get_weather()')
    expect(await input.locator('.msg.role-tool').innerText()).toContain('sunny')
    await shot(page, 'trace-tools')
    await page.close()
  })

  it('links a span to the prompt version it used', async () => {
    const { page } = await open(`/traces/view?id=${seeded.app.answer}`)
    await page.locator('.span-row', { hasText: 'chat' }).last().click()
    const link = page.locator('dt:text-is("Prompt") + dd a')
    await link.waitFor()
    expect(await link.getAttribute('href')).toMatch(/^\/prompts\/view\?name=rag-answer&v=1$/)
    await link.click()
    await page.waitForURL(/\/prompts\/view\?name=rag-answer&v=1/)
    await page.close()
  })

  it('adds feedback to a span and shows it with its history', async () => {
    const { page, errors } = await open(`/traces/view?id=${seeded.session[2]}&tab=feedback`)
    await page.locator('.span-row', { hasText: 'chat gpt-4o' }).click()
    const form = page.getByRole('form', { name: 'Add feedback' })
    await form.waitFor()
    await form.getByRole('button', { name: 'This span' }).click()
    await form.getByLabel('Name').fill('helpfulness')
    await form.getByRole('button', { name: /Fail/ }).click()
    await form.getByLabel('Rationale').fill('Did not mention the profile page.')
    await form.getByRole('button', { name: 'Add feedback' }).click()
    const added = page.locator('.assessment[data-assessment="helpfulness"]')
    await added.waitFor()
    expect(await added.innerText()).toMatch(/false[\s\S]*human · dashboard[\s\S]*profile page/)
    await shot(page, 'trace-feedback')

    const res = await fetch(`${assay.url}/api/traces/${seeded.session[2]}/assessments`)
    const { items } = (await res.json()) as {
      items: { name: string; value: unknown; span_id: string; source_type: string }[]
    }
    const mine = items.find((a) => a.name === 'helpfulness')!
    expect(mine).toMatchObject({ value: false, source_type: 'HUMAN' })
    expect(mine.span_id).toMatch(/^[0-9a-f]{16}$/)

    await page.getByLabel('history').check()
    await page.locator('.assessment').first().waitFor()
    expect(await page.locator('.assessment').count()).toBeGreaterThanOrEqual(3)
    expect(errors).toEqual([])
    await page.close()
  })

  it('never renders span content as HTML', async () => {
    const { page, errors } = await open(`/traces/view?id=${seeded.hostile}`)
    await page.locator('.span-row').first().waitFor()
    expect(await page.locator('h1').innerText()).toContain(XSS_IMG)
    expect(await page.getByTestId('span-input').innerText()).toContain(XSS_SCRIPT)
    await page.locator('.span-row', { hasText: 'chat gpt-4o' }).click()
    await page.getByTestId('span-output').locator('.msg').waitFor()
    expect(await page.getByTestId('span-input').innerText()).toContain(XSS_SCRIPT)
    expect(await page.getByTestId('span-output').innerText()).toContain(XSS_IMG)
    await page.getByRole('tab', { name: /Attributes/ }).click()
    await page.getByText('custom.html').waitFor()

    const list = await browser.newPage()
    await list.page.goto(
      `${assay.url}/traces?${WIDE}&filter=${encodeURIComponent("service.name = 'hostile'")}`,
    )
    await list.page.locator('.tbody .tr').first().waitFor()
    expect(await list.page.locator('.tbody .tr').first().innerText()).toContain('<script>')

    for (const p of [page, list.page]) {
      expect(await p.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined()
      expect(await p.locator('main img, main script').count()).toBe(0)
    }
    await shot(page, 'trace-hostile')
    expect(errors).toEqual([])
    await list.context.close()
    await page.close()
  })
})

describe('sessions', () => {
  it('lists sessions and follows one as a conversation into its traces', async () => {
    const { page, errors } = await open('/sessions?range=1y')
    await page.getByRole('link', { name: 'support-42' }).click()
    await page.waitForURL(/\/sessions\/view\?id=support-42/)
    const turns = page.locator('.turn')
    await turns.first().waitFor()
    expect(await turns.count()).toBe(4)
    expect(await turns.first().locator('.bubble.user').innerText()).toContain('How do I reset my password?')
    expect(await turns.nth(1).innerText()).toMatch(/Error[\s\S]*correctness: false/)
    await shot(page, 'session')
    await turns.nth(3).getByRole('link').click()
    await page.waitForURL(new RegExp(`/traces/view\\?id=${seeded.session[3]}`))
    await page.locator('.span-row').first().waitFor()
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('projects', () => {
  it('switches project, and an empty one shows how to send a first trace', async () => {
    await fetch(`${assay.url}/api/projects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'fresh', name: 'Fresh project' }),
    })
    const { page, errors } = await open('/')
    await page.locator('.chart-card').first().waitFor()
    await page.getByLabel('Project').selectOption('fresh')
    const empty = page.getByTestId('empty-state')
    await empty.waitFor()
    const text = await empty.innerText()
    expect(text).toContain(`ASSAY_URL=${assay.url} node --import @assay/sdk/register app.js`)
    expect(text).toContain(`OTEL_EXPORTER_OTLP_ENDPOINT=${assay.url}`)
    await shot(page, 'empty-state')

    // The curl line it shows sends a span that then appears in this project.
    const curl = await empty.locator('pre').last().innerText()
    const body = /-d '(.*)'$/s.exec(curl)![1]!
    const sent = await fetch(`${assay.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-assay-project': 'fresh' },
      body,
    })
    expect(sent.status).toBe(200)
    await page.getByLabel('Project').selectOption('default')
    await page.locator('.chart-card').first().waitFor()
    expect(errors).toEqual([])
    await page.close()
  })
})
