// A fluent speaker checks a translation in a real browser: sign in as staff, open a letter's Polish
// translation and its review page, correct one point, approve every point, and run axe-core
// (WCAG 2.2 A and AA rules) on each page.
//
//   node scripts/browser-translation-review.mjs http://127.0.0.1:5000 staff@example.gov.uk 'password' DOC_ID 'new words'
//
// Prints one JSON line: {"pages": [...], "signedIn", "banner", "afterText"}.
import { axeViolations, launch, watch } from './browser-lib.mjs'

const [base, email, password, docId, newWords] = process.argv.slice(2)

const browser = await launch()
const results = { pages: [], signedIn: false, consoleErrors: [], brokenResources: [] }
try {
  const context = await browser.newContext({ bypassCSP: true })
  const page = await context.newPage()
  watch(page, results)

  async function audit (label) {
    const found = await axeViolations(page)
    results.pages.push({ label, url: page.url().replace(base, ''), title: await page.title(), violations: found })
  }

  await page.goto(base + '/sign-in')
  await page.fill('#email', email)
  await page.fill('#password', password)
  await page.click('button[type=submit]')
  await page.waitForLoadState('load')
  results.signedIn = new URL(page.url()).pathname !== '/sign-in'

  await page.goto(`${base}/documents/${docId}/translations/pl`)
  await audit('translation')
  await page.getByRole('link', { name: 'Check and approve this translation' }).click()
  await page.waitForLoadState('load')
  await audit('translation review')
  await page.fill('#text-1', newWords)
  await page.getByRole('button', { name: 'Save and approve every point' }).click()
  await page.waitForLoadState('load')
  results.banner = await page.locator('.govuk-notification-banner').first().innerText().catch(() => '')
  results.afterText = await page.locator('main').innerText()
  await audit('translation after review')
} catch (error) {
  results.error = String(error)
} finally {
  await browser.close()
}
console.log(JSON.stringify(results))
process.exit(results.signedIn && !results.error && results.pages.every((p) => p.violations.length === 0) ? 0 : 1)
