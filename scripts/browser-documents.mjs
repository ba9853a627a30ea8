// End-to-end check of a letter in a real browser: sign in as staff, upload a DOCX, wait for
// the draft the model makes, change one point's words, download the DOCX, and run axe-core
// (WCAG 2.2 A and AA rules) on every page on the way.
//
//   node scripts/browser-documents.mjs http://127.0.0.1:5000 staff@example.gov.uk 'password' letter.docx out-dir 'New words'
//
// Needs `npm ci --prefix scripts` (playwright-core and axe-core) and Debian's chromium
// (apt-get install chromium; set CHROMIUM to use another binary). WAIT_SECONDS (default 600)
// bounds the wait for the draft. Prints one JSON line: {"pages": [{"label", "url", "title",
// "violations"}], "signedIn", "documentUrl", "status", "edited", "download", "steps", ...}.
// Exits 1 on any violation or a step that did not happen.
import { join } from 'node:path'
import { axeViolations, launch, watch } from './browser-lib.mjs'

const [base, email, password, letterPath, outDir, newText] = process.argv.slice(2)
const WAIT_MS = Number(process.env.WAIT_SECONDS || 600) * 1000
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const browser = await launch()
const results = { pages: [], signedIn: false, consoleErrors: [], brokenResources: [], steps: [] }
const started = Date.now()
const step = (name) => results.steps.push({ name, seconds: Math.round((Date.now() - started) / 100) / 10 })
try {
  // bypassCSP only lets axe-core be injected; the pages themselves run under their real policy
  const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true })
  const page = await context.newPage()
  page.setDefaultTimeout(60000)
  watch(page, results)

  async function audit (label) {
    await page.waitForLoadState('load')
    const found = await axeViolations(page)
    results.pages.push({ label, url: page.url().replace(base, ''), title: await page.title(), violations: found })
  }

  // Sign in
  await page.goto(base + '/sign-in')
  await page.fill('#email', email)
  await page.fill('#password', password)
  await page.click('main button[type=submit]')
  await page.waitForLoadState('load')
  results.signedIn = new URL(page.url()).pathname !== '/sign-in'
  step('signed in')

  // The upload page, then an empty file: refused with an error
  await page.goto(base + '/documents/new')
  await audit('upload')
  await page.setInputFiles('#file', { name: 'empty.docx', mimeType: DOCX, buffer: Buffer.alloc(0) })
  await page.click('main button[type=submit]')
  await page.waitForSelector('.govuk-error-summary')
  results.emptyFileError = (await page.textContent('.govuk-error-summary')).replace(/\s+/g, ' ').trim()
  await audit('upload with an error')

  // The real letter
  await page.setInputFiles('#file', letterPath)
  await Promise.all([page.waitForURL(/\/documents\/\d+$/), page.click('main button[type=submit]')])
  results.documentUrl = new URL(page.url()).pathname
  step('uploaded')
  if (await page.$('[data-er-poll]')) await audit('draft page while working')
  await page.goto(base + '/documents/')
  await audit('letters list')

  // Wait for the draft (the page reloads itself when the job ends; reload now and then as well)
  await page.goto(base + results.documentUrl)
  const deadline = Date.now() + WAIT_MS
  let lastReload = Date.now()
  for (;;) {
    let state = null
    try {
      state = await page.evaluate(() => {
        if (document.querySelector('textarea[id^="text-"]')) return 'done'
        if (document.querySelector('form[action$="/retry"]')) return 'failed'
        return 'waiting'
      })
    } catch (e) { state = 'navigating' }
    if (state === 'done' || state === 'failed') { results.status = state; break }
    if (Date.now() > deadline) { results.status = 'timed out'; break }
    if (Date.now() - lastReload > 30000) {
      await page.goto(base + results.documentUrl).catch(() => {})
      lastReload = Date.now()
    }
    await page.waitForTimeout(2000)
  }
  step('draft ' + results.status)
  await page.goto(base + '/documents/')
  await audit('letters list when done')
  await page.goto(base + results.documentUrl)
  if (results.status !== 'done') {
    results.failure = (await page.textContent('main')).replace(/\s+/g, ' ').trim().slice(0, 2000)
    throw new Error('no draft: ' + results.status)
  }
  await audit('draft page')
  results.draftText = await page.$$eval('.er-point__text', (els) => els.map((e) => e.textContent.trim()))

  // Change the first point's words through its form
  const textarea = await page.$('textarea[id^="text-"]')
  const key = (await textarea.getAttribute('id')).replace(/^text-/, '')
  const point = page.locator(`#point-${key}`)
  await point.locator('summary:has-text("Change")').first().click()
  await page.fill(`#text-${key}`, newText)
  await audit('draft page with a point open')
  await Promise.all([page.waitForURL(/\/documents\/\d+(#.*)?$/), point.locator('button:has-text("Save words")').click()])
  await page.waitForLoadState('load')
  results.afterEditText = (await page.textContent(`#point-${key} .er-point__text`)).trim()
  results.edited = results.afterEditText === newText
  results.banner = ((await page.textContent('.govuk-notification-banner').catch(() => '')) || '').replace(/\s+/g, ' ').trim()
  step('edited')
  await audit('draft page after the change')

  // Download the DOCX
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="/download/docx"]')])
  const saved = join(outDir, download.suggestedFilename())
  await download.saveAs(saved)
  results.download = saved
  step('downloaded')

  // Versions, picture search and the glossary
  await page.goto(base + results.documentUrl + '/versions')
  await audit('versions')
  const [section, index] = key.split('-')
  await page.goto(`${base}${results.documentUrl}/points/${section}/${index}/picture?q=money`)
  results.pictureResults = await page.$$eval('.er-picture-result', (els) => els.length)
  await audit('picture search')
  await page.goto(base + '/glossary/')
  await audit('glossary')

  // Translations: a language we do not know, then Polish (the test points the service at a translation server)
  await page.goto(base + results.documentUrl + '/translations')
  await audit('translations')
  await page.fill('#languages', 'klingonese')
  await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Translate")')])
  await page.waitForSelector('.govuk-error-summary')
  await audit('translations with an error')
  await page.fill('#languages', 'pl')
  await Promise.all([page.waitForURL(/\/translations$/), page.click('button:has-text("Translate")')])
  const translateDeadline = Date.now() + 120000
  while (!(await page.$('a[href$="/translations/pl"]')) && Date.now() < translateDeadline) {
    await page.waitForTimeout(1000)
    await page.goto(base + results.documentUrl + '/translations')
  }
  await page.click('a[href$="/translations/pl"]')
  await page.waitForLoadState('load')
  results.translationText = ((await page.textContent('main')) || '').replace(/\s+/g, ' ').trim()
  await audit('translation')
  step('finished')
} catch (error) {
  results.error = String(error && error.stack ? error.stack : error)
} finally {
  await browser.close()
}
console.log(JSON.stringify(results))
const ok = !results.error && results.signedIn && results.edited && results.download && results.pages.every((p) => p.violations.length === 0)
process.exit(ok ? 0 : 1)
