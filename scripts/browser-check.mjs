// End-to-end check in a real browser: sign in as an admin, visit the admin and
// accessibility pages, and run axe-core (WCAG 2.2 A and AA rules) on each.
//
//   node scripts/browser-check.mjs http://127.0.0.1:5000 admin@example.gov.uk 'password'
//
// Needs `npm ci --prefix scripts` (playwright-core and axe-core) and Debian's chromium
// (apt-get install chromium; set CHROMIUM to use another binary). Prints one JSON line:
// {"pages": [{"url", "title", "violations": [...]}], "signedIn": bool}. Exits 1 on any violation.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'

const require = createRequire(import.meta.url)
const { chromium } = require('playwright-core')
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

const [base, email, password] = process.argv.slice(2)
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu']
})
const results = { pages: [], signedIn: false, consoleErrors: [], brokenResources: [] }
try {
  // bypassCSP only lets axe-core be injected; the pages themselves run under their real policy
  const context = await browser.newContext({ bypassCSP: true })
  const page = await context.newPage()
  // Pages answer 400/401 to forms with errors on purpose; only scripts, styles and images must never fail.
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) results.consoleErrors.push(msg.text())
  })
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      results.brokenResources.push(`${response.status()} ${response.url()}`)
    }
  })

  async function audit (label) {
    await page.evaluate(axeSource)
    const found = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
    }, TAGS)
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
