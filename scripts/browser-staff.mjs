// Issue 16 in a real browser, as council staff: translation that is not set up, letters laid out
// right, pictures that fit their point, and the wording and state fixes. axe-core (WCAG 2.2 A and
// AA) on every page on the way.
//
//   node scripts/browser-staff.mjs http://127.0.0.1:5000 staff@example.gov.uk 'password' config.json
//
// config.json: {"letter": "...", "title": "...", "legalLetter": "...", "legalSentence": "...", "queuedId": 7}
// Needs `npm ci --prefix scripts` (playwright-core and axe-core) and Debian's chromium (CHROMIUM
// names another binary). Prints one JSON line of what it saw; the pytest file judges it.
import { readFileSync } from 'node:fs'
import { axeViolations, launch, watch } from './browser-lib.mjs'

const [base, email, password, configPath] = process.argv.slice(2)
const config = JSON.parse(readFileSync(configPath, 'utf8'))

const browser = await launch()
const results = { pages: [], consoleErrors: [], brokenResources: [] }
const squeeze = (s) => (s || '').replace(/\s+/g, ' ').trim()
try {
  // bypassCSP only lets axe-core be injected; the pages themselves run under their real policy
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
  const page = await context.newPage()
  page.setDefaultTimeout(120000)
  watch(page, results)
  async function audit (label) {
    await page.waitForLoadState('load')
    const found = await axeViolations(page)
    results.pages.push({ label, url: page.url().replace(base, ''), title: await page.title(), violations: found })
  }
  const inView = (selector) => page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect()
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight
  }).catch(() => false)
  async function upload (text, title) {
    await page.goto(base + '/documents/new')
    await page.fill('#text', text)
    await page.fill('#title', title)
    await Promise.all([page.waitForURL(/\/documents\/\d+$/), page.click('main button[type=submit]')])
    return new URL(page.url()).pathname
  }

  await page.goto(base + '/sign-in')
  await page.fill('#email', email)
  await page.fill('#password', password)
  await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')])

  // Finding 9: the model choices on the upload page
  await page.goto(base + '/documents/new')
  await audit('upload')
  results.modelValues = await page.$$eval('input[name="model"]', (els) => els.map((e) => e.value))
  results.uploadText = squeeze(await page.textContent('main'))

  // Finding 7 and 6: a pasted letter, named by staff, laid out with no model and with pictures
  results.letterUrl = await upload(config.letter, config.title)
  await audit('draft page')
  results.h1 = squeeze(await page.textContent('h1'))
  results.headings = await page.$$eval('main h3', (els) => els.map((e) => e.textContent.trim()))
  results.pointTexts = await page.$$eval('.er-point__text', (els) => els.map((e) => e.innerText))
  results.pointHeights = await page.$$eval('.er-point__text', (els) => els.map((e) => e.getBoundingClientRect().height))
  results.points = await page.$$eval('.er-point', (els) => els.map((e) => ({
    text: e.querySelector('.er-point__text').innerText,
    alt: e.querySelector('.er-point__picture img') ? e.querySelector('.er-point__picture img').getAttribute('alt') : null,
    mustFix: Array.from(e.querySelectorAll('.er-findings .govuk-tag--red')).length
  })))

  // Finding 2: translation is not set up here; then a misspelt language
  await page.goto(base + results.letterUrl + '/translations')
  await page.fill('#languages', 'pl')
  await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Translate")')])
  results.translateError = squeeze(await page.textContent('.govuk-error-summary').catch(() => ''))
  results.translateBanner = squeeze(await page.textContent('.govuk-notification-banner--success').catch(() => ''))
  await audit('translations, not set up')
  await page.fill('#languages', 'Polsh')
  await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Translate")')])
  results.misspeltError = squeeze(await page.textContent('.govuk-error-summary').catch(() => ''))
  await page.goto(base + results.letterUrl)
  results.draftAfterTranslate = squeeze(await page.textContent('main'))

  // Finding 9: after saving an edit, the banner and Undo are in view
  const textarea = await page.$('textarea[id^="text-"]')
  const key = (await textarea.getAttribute('id')).replace(/^text-/, '')
  const section = key.split('-')[0]
  const lastBody = await page.$$('textarea[id^="text-1-"]')
  const lastKey = (await lastBody[lastBody.length - 1].getAttribute('id')).replace(/^text-/, '')
  const point = page.locator(`#point-${lastKey}`)
  await point.locator('summary:has-text("Change")').first().click()
  await page.fill(`#text-${lastKey}`, 'Ring us if you want help with this letter.')
  await Promise.all([page.waitForURL(/#er-saved$/), point.locator('button:has-text("Save words")').click()])
  await page.waitForLoadState('load')
  // In view once the page has settled (GOV.UK Frontend moves focus to a success banner after load)
  const bothInView = () => page.waitForFunction(() => ['.govuk-notification-banner--success', '#er-saved button'].every((sel) => {
    const el = document.querySelector(sel)
    const r = el && el.getBoundingClientRect()
    return r && r.height > 0 && r.top >= -2 && r.bottom <= window.innerHeight + 2  // a scroll may leave a fraction of a pixel
  }), null, { timeout: 3000 }).then(() => true, () => false)
  results.bannerInView = results.undoInView = await bothInView()
  results.undoText = squeeze(await page.textContent('#er-saved').catch(() => ''))
  results.savedRects = await page.$$eval('.govuk-notification-banner--success, #er-saved button', (els) => els.map((e) => {
    const r = e.getBoundingClientRect()
    return [Math.round(r.top), Math.round(r.bottom), window.innerHeight, window.scrollY]
  }))
  await audit('draft page after a change')

  // Finding 9: a picture change shows in Compare versions
  const [s, i] = lastKey.split('-')
  await page.goto(`${base}${results.letterUrl}/points/${s}/${i}/picture?q=telephone`)
  await Promise.all([page.waitForLoadState('load'), page.click('.er-picture-result button >> nth=0')])
  await page.goto(base + '/review/documents/' + results.letterUrl.split('/').pop() + '/compare')
  await audit('compare versions')
  results.compareChanged = await page.$$eval('.rv-compare--changed', (rows) => rows.map((r) => r.innerText))

  // Finding 9: removing a legal citation is a warning, not "Must fix" for its numbers
  results.legalUrl = await upload(config.legalLetter, 'Council tax: legal wording')
  const legalKey = await page.$$eval('textarea[id^="text-"]', (els, sentence) => {
    const hit = els.find((e) => e.value.includes(sentence))
    return hit ? hit.id.replace(/^text-/, '') : null
  }, config.legalSentence)
  const legalPoint = page.locator(`#point-${legalKey}`)
  await legalPoint.locator('summary:has-text("Change")').first().click()
  const before = await page.inputValue(`#text-${legalKey}`)
  await page.fill(`#text-${legalKey}`, before.replace(config.legalSentence, '').trim())
  await Promise.all([page.waitForURL(/#er-saved$/), legalPoint.locator('button:has-text("Save words")').click()])
  await page.waitForLoadState('load')
  results.legalMustFix = await page.$$eval('main li', (els) => els.filter((li) => li.querySelector('.govuk-tag--red')).map((li) => li.innerText))
  results.legalChecks = await page.$$eval('main li', (els) => els.filter((li) => li.querySelector('.govuk-tag--yellow')).map((li) => li.innerText))
  await audit('draft page after removing a legal citation')

  // Finding 9: the letters list and a waiting letter's page
  await page.goto(base + '/documents/')
  await audit('letters list')
  results.listHeaders = await page.$$eval('thead th', (els) => els.map((e) => e.textContent.trim()))
  await page.goto(base + '/documents/' + config.queuedId)
  results.progressHeading = squeeze(await page.textContent('.er-progress h2', { timeout: 5000 }).catch(() => ''))
  results.waitingText = squeeze(await page.textContent('main')).slice(0, 600)
  await audit('a waiting letter')

  // Finding 9: the invite link is shown whole, with a copy button
  await page.goto(base + '/review/reviewers/new')
  await page.fill('#name', 'Rosa Reviewer')
  await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')])
  await audit('invite link')
  results.inviteLink = await page.inputValue('#invite-link')
  results.inviteWhole = await page.$eval('#invite-link', (el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1)
  await page.click('button:has-text("Copy the link")')
  await page.waitForTimeout(300)
  results.copyStatus = squeeze(await page.textContent('#invite-link-status'))
  results.clipboard = await page.evaluate(() => navigator.clipboard.readText()).catch((e) => 'unreadable: ' + e)
} catch (error) {
  results.error = String(error && error.stack ? error.stack : error)
} finally {
  await browser.close()
}
console.log(JSON.stringify(results))
