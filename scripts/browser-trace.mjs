// The trace on a letter's draft page in a real browser, with JavaScript off (it must work without it):
// open a point's "Where this comes from", follow its link to the letter sentence and check the
// sentence is highlighted (CSS :target), then add a point from a sentence listed under "Not in the
// Easy Read yet". axe-core (WCAG 2.2 A and AA) runs on the page before and after.
//
//   node scripts/browser-trace.mjs http://127.0.0.1:5000 staff@example.gov.uk 'password' /documents/1
//
// Prints one JSON line: {"pages", "opened", "target", "highlight", "added", "banner", "consoleErrors", ...}.
import { axeViolations, launch, watch } from './browser-lib.mjs'

const [base, email, password, documentPath] = process.argv.slice(2)
const browser = await launch()
const results = { pages: [], consoleErrors: [], brokenResources: [] }
try {
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false })
  const page = await context.newPage()
  page.setDefaultTimeout(60000)
  watch(page, results)

  // axe-core needs JavaScript, so it runs in a second page of a context that has it, on the same URL.
  const axeContext = await browser.newContext({ bypassCSP: true })
  const axePage = await axeContext.newPage()
  async function audit (label) {
    await axePage.context().addCookies(await context.cookies())
    await axePage.goto(page.url())
    const found = await axeViolations(axePage)
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
