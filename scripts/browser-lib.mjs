// What every browser script shares: Debian's chromium through playwright-core, axe-core's
// WCAG 2.2 A and AA rules, and a record of the console errors and broken resources a page causes.
// Needs `npm ci --prefix scripts` (playwright-core and axe-core); CHROMIUM names another binary.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'

const require = createRequire(import.meta.url)
const { chromium } = require('playwright-core')
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

/** Start chromium headless, as the tests run it (no sandbox: CI runs as root in a container). */
export function launch () {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu']
  })
}

/**
 * Record on `results` the page's console errors and every script, style or image that fails.
 * Pages answer 400/401 to forms with errors on purpose, so documents are not counted.
 */
export function watch (page, results) {
  results.consoleErrors ??= []
  results.brokenResources ??= []
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) results.consoleErrors.push(msg.text())
  })
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      results.brokenResources.push(`${response.status()} ${response.url()}`)
    }
  })
  return page
}

/**
 * axe-core's WCAG 2.2 A and AA violations on the page as it is now. The page's context must be made
 * with `bypassCSP: true`, which only lets axe be injected; the page itself runs under its real policy.
 */
export async function axeViolations (page) {
  await page.evaluate(axeSource)
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
  }, TAGS)
}
