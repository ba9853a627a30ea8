// The trace on a letter's draft page in a real browser, with JavaScript off (it must work without it):
// open a point's "Where this comes from", follow its link to the letter sentence and check the
// sentence is highlighted (CSS :target), then add a point from a sentence listed under "Not in the
// Easy Read yet". axe-core (WCAG 2.2 A and AA) runs on the page before and after.
//
//   node scripts/browser-trace.mjs http://127.0.0.1:5000 staff@example.gov.uk 'password' /documents/1
//
// Prints one JSON line: {"pages", "opened", "target", "highlight", "added", "banner", "consoleErrors", ...}.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'

const require = createRequire(import.meta.url)
const { chromium } = require('playwright-core')
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

const [base, email, password, documentPath] = process.argv.slice(2)
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu']
})
const results = { pages: [], consoleErrors: [], brokenResources: [] }
try {
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false })
  const page = await context.newPage()
  page.setDefaultTimeout(60000)
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      results.brokenResources.push(`${response.status()} ${response.url()}`)
    }
  })

  // axe-core needs JavaScript, so it runs in a second page of a context that has it, on the same URL.
  const axeContext = await browser.newContext({ bypassCSP: true })
  const axePage = await axeContext.newPage()
  async function audit (label) {
    await axePage.context().addCookies(await context.cookies())
    await axePage.goto(page.url())
    await axePage.evaluate(axeSource)
    const found = await axePage.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
    }, TAGS)
    results.pages.push({ label, url: page.url().replace(base, ''), title: await page.title(), violations: found })
  }

  await page.goto(base + '/sign-in')
  await page.fill('#email', email)
  await page.fill('#password', password)
  await page.click('main button[type=submit]')
  await page.waitForLoadState('load')

  await page.goto(base + documentPath)
  await audit('draft page')
  const details = page.locator('details.er-trace').first()
  const link = details.locator('a').first()
  results.visibleBefore = await link.isVisible()
  await details.locator('summary').click()
  results.opened = await details.evaluate((d) => d.open)
  results.target = (await link.getAttribute('href')).slice(1)
  await link.click()
  await page.waitForFunction((id) => window.location.hash === '#' + id, results.target)
  results.highlight = await page.evaluate((id) => getComputedStyle(document.getElementById(id)).backgroundColor, results.target)
  results.plain = await page.evaluate(() => getComputedStyle(document.querySelector('.er-sentence:not(:target)')).backgroundColor)
  results.targetText = await page.textContent('#' + results.target)

  const add = page.locator('.er-uncovered button').first()
  results.uncoveredBefore = await page.locator('.er-uncovered li').count()
  await Promise.all([page.waitForNavigation(), add.click()])
  results.banner = ((await page.textContent('.govuk-notification-banner')) || '').replace(/\s+/g, ' ').trim()
  results.uncoveredAfter = await page.locator('.er-uncovered li').count()
  await audit('draft page after adding a point from a sentence')
} catch (error) {
  results.error = String(error && error.stack ? error.stack : error)
} finally {
  await browser.close()
}
console.log(JSON.stringify(results))
