// Review with residents in a real browser: staff add a reviewer and send a round (checking the
// hidden personal data), the reviewer opens the invite, chooses a picture code and answers every
// point with the KEYBOARD ONLY, staff read the feedback, add a hard word to the glossary, end the
// round, change a point (version 2) and approve it. axe-core (WCAG 2.2 A and AA) runs on every
// reviewer page and every staff review page on the way.
//
//   node scripts/browser-review.mjs http://127.0.0.1:5000 staff@example.gov.uk 'password' DOCUMENT_ID
//
// Needs `npm ci --prefix scripts` (playwright-core and axe-core) and Debian's chromium (CHROMIUM
// names another binary). Prints one JSON line: {"pages": [{"label", "url", "who", "violations"}],
// "steps", "answered", "glossaryAdded", "version2", "approved", ...}. Exits 1 on a failed step or a violation.

const [base, email, password, docId] = process.argv.slice(2)
const ANSWERS = ['understand', 'not_sure', 'not_understand']

const browser = await launch()
const results = { pages: [], consoleErrors: [], brokenResources: [], steps: [], answered: 0, tabs: 0 }
const started = Date.now()
const step = (name) => results.steps.push({ name, seconds: Math.round((Date.now() - started) / 100) / 10 })

async function newPage (context) {
  const page = await context.newPage()
  page.setDefaultTimeout(30000)
  watch(page, results)
  return page
}

async function audit (page, label, who) {
  await page.waitForLoadState('load')
  const found = await axeViolations(page)
  results.pages.push({ label, who, url: page.url().replace(base, ''), title: await page.title(), violations: found })
}

// Keyboard only: press Tab until the element matching `selector` has focus.
import { axeViolations, launch, watch } from './browser-lib.mjs'
async function tabTo (page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return
    await page.keyboard.press('Tab')
    results.tabs++
  }
  throw new Error(`Tab never reached ${selector}`)
}

try {
  // bypassCSP only lets axe-core be injected; the pages run under their real policy
  const staffContext = await browser.newContext({ bypassCSP: true })
  const staff = await newPage(staffContext)
  await staff.goto(base + '/sign-in')
  await staff.fill('#email', email)
  await staff.fill('#password', password)
  await Promise.all([staff.waitForNavigation(), staff.click('main button[type=submit]')])
  step('staff signed in')

  // A reviewer and their invite link
  await staff.goto(base + '/review/reviewers/new')
  await audit(staff, 'add a reviewer', 'staff')
  await staff.fill('#name', 'Rosa Reviewer')
  await Promise.all([staff.waitForNavigation(), staff.click('main button[type=submit]')])
  await audit(staff, 'invite link', 'staff')
  const invite = await staff.inputValue('#invite-link')
  step('reviewer invited')

  // Send for review: choose the reviewer, check what is hidden, send
  await staff.goto(`${base}/review/documents/${docId}`)
  await audit(staff, 'review overview', 'staff')
  await Promise.all([staff.waitForNavigation(), staff.click('a:has-text("Send for review")')])
  await audit(staff, 'send for review', 'staff')
  await staff.check('label:has-text("Rosa Reviewer")')
  await Promise.all([staff.waitForNavigation(), staff.click('main button:has-text("Check personal data")')])
  await audit(staff, 'personal data preview', 'staff')
  results.hidden = await staff.$$eval('main table tbody tr td:first-child', (els) => els.map((e) => e.textContent.trim()))
  await Promise.all([staff.waitForNavigation(), staff.click('main button:has-text("Send to reviewers")')])
  results.roundUrl = new URL(staff.url()).pathname
  await audit(staff, 'feedback (empty)', 'staff')
  step('round sent')

  // The reviewer: keyboard only from here
  const residentContext = await browser.newContext({ bypassCSP: true })
  const resident = await newPage(residentContext)
  await resident.goto(invite)
  await audit(resident, 'choose your code', 'reviewer')
  for (const picture of ['sun', 'cat', 'fish']) {
    await tabTo(resident, `#picture-${picture}`)
    await resident.keyboard.press('Space')
  }
  await tabTo(resident, 'main button[type=submit]')
  await Promise.all([resident.waitForNavigation(), resident.keyboard.press('Enter')])
  await audit(resident, 'code saved', 'reviewer')
  results.signInLink = await resident.$eval('.rv-link a', (a) => a.href)
  await tabTo(resident, 'a.rv-big-button')
  await Promise.all([resident.waitForNavigation(), resident.keyboard.press('Enter')])
  await audit(resident, 'your documents', 'reviewer')
  await tabTo(resident, 'a.rv-doc__link')
  await Promise.all([resident.waitForNavigation(), resident.keyboard.press('Enter')])
  await audit(resident, 'review page', 'reviewer')
  results.reviewerText = (await resident.textContent('main')).replace(/\s+/g, ' ')
  step('reviewer on the review page')

  await tabTo(resident, '#supporter-yes')
  await resident.keyboard.press('Space')
  await resident.waitForFunction(() => document.querySelector('[data-rv-supporter] [data-rv-status]').textContent.includes('Saved'))
  const keys = await resident.$$eval('.rv-point', (els) => els.map((e) => e.id.replace('point-', '')))
  for (const [n, key] of keys.entries()) {
    const answer = ANSWERS[n % 3]
    await tabTo(resident, `#point-${key} button[value="${answer}"]`)
    await resident.keyboard.press('Enter')
    await resident.waitForFunction((k) => document.querySelector(`#point-${k} [data-rv-status]`).textContent.startsWith('You said'), key)
    const pressed = await resident.getAttribute(`#point-${key} button[value="${answer}"]`, 'aria-pressed')
    if (pressed === 'true') results.answered++
    if (!results.hardWord && await resident.$(`#point-${key} input[name^="hard-"][type=checkbox]`)) {
      // a hard word: on the first part that offers one, open "Is a word hard?" and tick it, still with the keyboard
      await tabTo(resident, `#point-${key} details summary`)
      await resident.keyboard.press('Enter')
      await tabTo(resident, `#point-${key} .rv-word-choice__input`)
      await resident.keyboard.press('Space')
      await resident.waitForFunction((k) => document.querySelector(`#point-${k} [data-rv-status]`).textContent.length > 0, key)
      results.hardWord = await resident.$eval(`#point-${key} .rv-word-choice__input`, (el) => el.value)
      await audit(resident, 'review page with a hard word open', 'reviewer')
    }
  }
  results.focusStayed = await resident.evaluate(() => document.activeElement && document.activeElement.matches('[data-rv-answer]'))
  step('answered every point')
  await tabTo(resident, 'input[name="overall"]')
  await resident.keyboard.press('ArrowRight') // moves to and chooses "A bit hard"
  results.overall = await resident.$eval('input[name="overall"]:checked', (el) => el.value)
  await tabTo(resident, '#finish button[type=submit]')
  await Promise.all([resident.waitForNavigation(), resident.keyboard.press('Enter')])
  await audit(resident, 'thank you', 'reviewer')
  step('reviewer sent their answers')

  // Later, on another device: the reviewer's own link and code
  const laterContext = await browser.newContext({ bypassCSP: true })
  const later = await newPage(laterContext)
  await later.goto(results.signInLink)
  await audit(later, 'sign in with link and code', 'reviewer')
  await tabTo(later, '#picture-tree')
  await later.keyboard.press('Space')
  await tabTo(later, 'main button[type=submit]')
  await Promise.all([later.waitForNavigation(), later.keyboard.press('Enter')])
  await audit(later, 'wrong code', 'reviewer')
  for (const picture of ['sun', 'cat', 'fish']) { // the page comes back with nothing ticked
    await tabTo(later, `#picture-${picture}`)
    await later.keyboard.press('Space')
  }
  await tabTo(later, 'main button[type=submit]')
  await Promise.all([later.waitForNavigation(), later.keyboard.press('Enter')])
  results.signedInLater = new URL(later.url()).pathname === '/review/'
  step('reviewer signed in again')

  // Staff read the feedback, add the hard word to the glossary, end the round
  await staff.goto(base + results.roundUrl)
  await audit(staff, 'feedback', 'staff')
  results.triageText = (await staff.textContent('main')).replace(/\s+/g, ' ')
  await Promise.all([staff.waitForNavigation(), staff.click(`a[href*="/review/glossary"]`)])
  await audit(staff, 'add a hard word to the glossary', 'staff')
  await staff.fill('#explanation', 'A word from the letter. It means this.')
  await Promise.all([staff.waitForNavigation(), staff.click('main button:has-text("Add to glossary")')])
  results.glossaryAdded = ((await staff.textContent('.govuk-notification-banner').catch(() => '')) || '').includes('is in the council glossary')
  await Promise.all([staff.waitForNavigation(), staff.click('main button:has-text("End this round")')])
  step('round ended')

  // Version 2: change a flagged point on the letter's page, then approve it
  await staff.goto(`${base}/documents/${docId}`)
  const point = staff.locator('#point-1-1')
  await point.locator('summary:has-text("Change")').first().click()
  await staff.fill('#text-1-1', 'Council tax is money you pay. It pays for bins and roads.')
  await Promise.all([staff.waitForURL(/\/documents\/\d+(#.*)?$/), point.locator('button:has-text("Save words")').click()])
  await staff.goto(`${base}/review/documents/${docId}/compare?a=1&b=2`)
  await audit(staff, 'compare versions', 'staff')
  results.version2 = (await staff.textContent('main')).includes('Council tax is money you pay.')
  await staff.goto(`${base}/review/documents/${docId}`)
  await staff.selectOption('#approve-version', '2')
  await Promise.all([staff.waitForNavigation(), staff.click('main button:has-text("Approve this version")')])
  if (await staff.$('#confirm-problems')) { // version 2 has open findings: the approve step asks to confirm them
    await audit(staff, 'approve step with problems', 'staff')
    await staff.check('#confirm-problems')
    await Promise.all([staff.waitForNavigation(), staff.click('main button:has-text("Approve version 2")')])
  }
  await audit(staff, 'approved', 'staff')
  results.approved = (await staff.textContent('main')).includes('Version 2 is the final version')
  await staff.goto(base + '/review/learning')
  await audit(staff, 'what reviewers find hard', 'staff')
  step('approved')
} catch (error) {
  results.error = String(error && error.stack ? error.stack : error)
} finally {
  await browser.close()
}
console.log(JSON.stringify(results))
const ok = !results.error && results.approved && results.pages.every((p) => p.violations.length === 0)
process.exit(ok ? 0 : 1)
