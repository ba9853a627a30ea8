// End-to-end check in a real browser: sign in as an admin, visit the admin and
// accessibility pages, and run axe-core (WCAG 2.2 A and AA rules) on each.
//
//   node scripts/browser-check.mjs http://127.0.0.1:5000 admin@example.gov.uk 'password'
//
// Needs `npm ci --prefix scripts` (playwright-core and axe-core) and Debian's chromium
// (apt-get install chromium; set CHROMIUM to use another binary). Prints one JSON line:
// {"pages": [{"url", "title", "violations": [...]}], "signedIn": bool}. Exits 1 on any violation.
import { axeViolations, launch, watch } from './browser-lib.mjs'

const [base, email, password] = process.argv.slice(2)

const browser = await launch()
const results = { pages: [], signedIn: false, consoleErrors: [], brokenResources: [] }
try {
  // bypassCSP only lets axe-core be injected; the pages themselves run under their real policy
  const context = await browser.newContext({ bypassCSP: true })
  const page = await context.newPage()
  // Pages answer 400/401 to forms with errors on purpose; only scripts, styles and images must never fail.
  watch(page, results)

  async function audit (label) {
    const found = await axeViolations(page)
    results.pages.push({ label, url: page.url().replace(base, ''), title: await page.title(), violations: found })
  }

  await page.goto(base + '/sign-in')
  await audit('sign in')

  // An empty form: the error summary must appear and take focus (GOV.UK Frontend's JavaScript)
  await page.click('button[type=submit]')
  await page.waitForSelector('.govuk-error-summary')
  results.errorSummaryFocused = await page.evaluate(() => document.activeElement?.closest('.govuk-error-summary') !== null)
  await audit('sign in with errors')

  await page.fill('#email', email)
  await page.fill('#password', password)
  await page.click('button[type=submit]')
  await page.waitForLoadState('load')
  results.signedIn = new URL(page.url()).pathname !== '/sign-in'
  results.afterSignIn = new URL(page.url()).pathname
  await audit('landing page')

  for (const path of ['/admin/users', '/admin/users/new', '/admin/audit', '/admin/settings', '/account', '/account/tokens', '/sign-out', '/accessibility']) {
    await page.goto(base + path)
    await audit(path)
  }
  await page.goto(base + '/admin/users/new')
  await page.click('button[type=submit]')
  await page.waitForSelector('.govuk-error-summary')
  await audit('create an account with errors')
} finally {
  await browser.close()
}
console.log(JSON.stringify(results))
process.exit(results.signedIn && results.pages.every((p) => p.violations.length === 0) ? 0 : 1)
