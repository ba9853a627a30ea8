// Issue 16 through the real browser: the approval gate (staff), and the reviewer's pages with and without
// JavaScript: comments kept by "Send my answers", the hard-word chooser, widths at 320 and 375 px, fonts,
// audio in the page, the Easy Read account page. axe-core (WCAG 2.2 A and AA) runs on every page, the
// no-JavaScript pages too (their HTML, scripts left out, is audited in a page that can run axe).
// Saves screenshots of the reviewer page (320 and 1280 px) and of the approve step with findings.
//
//   node scripts/browser-resident.mjs BASE STAFF_EMAIL PASSWORD GATE_DOC_ID ROUND_ID KEY_JS KEY_NOJS INVITE_JS,INVITE_NOJS SHOTS_DIR
//
// Prints one JSON line: {"pages", "gate", "chips", "widths", "fonts", "audio", "accounts", ...}. Exits 1 on a failed step.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { axeViolations, launch, watch } from './browser-lib.mjs'

const [base, email, password, gateDoc, roundId, keyJs, keyNoJs, invites, shotsDir] = process.argv.slice(2)
const [inviteJs, inviteNoJs] = invites.split(',')
const WIDTHS = [320, 375]

const browser = await launch()
const results = { pages: [], consoleErrors: [], brokenResources: [], steps: [], widths: [], fonts: [], accounts: [], chips: {}, gate: {}, audio: {} }
const started = Date.now()
const step = (name) => results.steps.push({ name, seconds: Math.round((Date.now() - started) / 100) / 10 })

async function newPage (context) {
  const page = await context.newPage()
  page.setDefaultTimeout(30000)
  watch(page, results)
  return page
}

// bypassCSP only lets axe-core be injected; the pages run under their real policy
const auditor = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 800 } })
const auditPage = await auditor.newPage()

async function audit (page, label, js) {
  await page.waitForLoadState('load')
  let violations
  if (js) {
    violations = await axeViolations(page)
  } else {
    // A page without JavaScript cannot run axe: audit the same HTML, its scripts taken out, in a page that can.
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    const url = page.url()
    await auditPage.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }))
    await auditPage.goto(url)
    violations = await axeViolations(auditPage)
    await auditPage.unroute(url)
  }
  results.pages.push({ label: `${label}${js ? '' : ' (no JavaScript)'}`, url: page.url().replace(base, ''), title: await page.title(), violations })
}

// Finding 5: the page must not scroll sideways at phone widths
async function measure (page, label, js) {
  const size = page.viewportSize()
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 })
    const m = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }))
    results.widths.push({ label, width, js, url: page.url().replace(base, ''), ...m })
  }
  await page.setViewportSize(size)
}

async function visit (page, label, js) {
  await audit(page, label, js)
  await measure(page, label, js)
}

async function signIn (page, key, js) {
  await page.goto(`${base}/review/sign-in/${key}`)
  await visit(page, 'sign in', js)
  for (const picture of ['sun', 'cat', 'fish']) await page.check(`#picture-${picture}`)
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')])
}

async function setUpCode (page, invite, js) {
  await page.goto(`${base}/review/invite/${invite}`)
  await visit(page, 'choose your code', js)
  for (const picture of ['tree', 'cat', 'fish']) await page.check(`#picture-${picture}`)
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')])
  await visit(page, 'code saved', js)
}

async function account (page, js) {
  await page.goto(`${base}/account`)
  await visit(page, 'your account', js)
  results.accounts.push({ js, url: page.url(), text: (await page.textContent('main')).replace(/\s+/g, ' ') })
  await page.goto(`${base}/account/password`)
  results.passwordPage = page.url()
}

const openDetails = (page, key, n) => page.click(`#point-${key} details:nth-of-type(${n}) > summary`)

try {
  mkdirSync(shotsDir, { recursive: true })

  // --- Finding 1: staff edit a point so the fact lock fails, then try to approve ---
  const staffContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })
  const staff = await newPage(staffContext)
  await staff.goto(base + '/sign-in')
  await staff.fill('#email', email)
  await staff.fill('#password', password)
  await Promise.all([staff.waitForNavigation(), staff.click('main button[type=submit]')])
  await staff.goto(`${base}/documents/${gateDoc}`)
  await staff.click('#point-0-1 summary')
  await staff.fill('#text-0-1', 'You must pay by 1 February 2025.')
  await Promise.all([staff.waitForURL(/\/documents\/\d+(#.*)?$/), staff.click('#point-0-1 button:has-text("Save words")')])
  results.gate.editedPoint = (await staff.textContent('#point-0-1 .er-point__text')).trim()
  await staff.goto(`${base}/review/documents/${gateDoc}/send`)
  await audit(staff, 'send for review (with problems)', true)
  results.gate.sendShowsProblems = (await staff.textContent('main')).includes('1 February 2025')
  await staff.goto(`${base}/review/documents/${gateDoc}`)
  await audit(staff, 'review overview (with problems)', true)
  const [refused] = await Promise.all([staff.waitForNavigation(), staff.click('main button:has-text("Approve this version")')])
  results.gate.refusedStatus = refused.status()
  await audit(staff, 'approve step refused', true)
  results.gate.refusedError = (await staff.textContent('.govuk-error-summary')).replace(/\s+/g, ' ').trim()
  results.gate.problemsShown = await staff.$$eval('[data-gate-problem]', (els) => els.map((e) => e.closest('dd') ? `${e.closest('dd').querySelector('.rv-gate__text').textContent} ${e.textContent}` : e.textContent))
  results.gate.refusedApproved = (await staff.textContent('main')).includes('is the final version')
  await staff.screenshot({ path: join(shotsDir, 'approve-step-with-findings.png'), fullPage: true })
  await staff.check('#confirm-problems')
  await Promise.all([staff.waitForNavigation(), staff.click('main button:has-text("Approve version 2")')])
  await audit(staff, 'approved after confirming', true)
  results.gate.approvedAfterConfirm = (await staff.textContent('main')).includes('Version 2 is the final version')
  step('approval gate')

  // --- The reviewer pages with JavaScript (Rosa) ---
  const jsContext = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 800 } })
  const setupJs = await newPage(jsContext)
  await setUpCode(setupJs, inviteJs, true)
  await setupJs.close()
  const rosaContext = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 800 } })
  const rosa = await newPage(rosaContext)
  await signIn(rosa, keyJs, true)
  await visit(rosa, 'your documents', true)
  await rosa.goto(`${base}/review/read/${roundId}`)
  await visit(rosa, 'review page', true)
  results.chips = await rosa.$$eval('.rv-point', (els) => Object.fromEntries(els.map((el) => [el.dataset.rvPoint,
    [...el.querySelectorAll('input[name^="hard-"][type=checkbox]')].map((i) => i.value)])))
  results.tallestPoint375 = Math.max(...await rosa.$$eval('.rv-point', (els) => els.map((e) => e.getBoundingClientRect().height)))
  results.fonts = await rosa.$$eval('.rv-line, .rv-point__text, .rv-answer, .rv-legend', (els) => [...new Set(els.map((e) => getComputedStyle(e).fontFamily))])
  results.audio.jsButtons = await rosa.$$eval('[data-rv-say]', (els) => els.filter((e) => e.offsetParent !== null).length)
  results.audio.jsPlayersVisible = await rosa.$$eval('[data-rv-audio]', (els) => els.some((e) => e.offsetParent !== null))
  // at 320 px: one part with its hard-word chooser open
  await rosa.setViewportSize({ width: 320, height: 900 })
  await openDetails(rosa, '0-2', 1)
  const part = await rosa.$eval('#point-0-2', (el) => { const r = el.getBoundingClientRect(); return { y: r.top + window.scrollY, height: r.height } })
  await rosa.screenshot({ path: join(shotsDir, 'reviewer-page-320.png'), fullPage: true, clip: { x: 0, y: Math.max(0, part.y - 60), width: 320, height: Math.min(part.height + 80, 1600) } })
  await openDetails(rosa, '0-2', 1)
  await rosa.setViewportSize({ width: 1280, height: 900 })
  await rosa.evaluate(() => window.scrollTo(0, 0))
  await rosa.screenshot({ path: join(shotsDir, 'reviewer-page-1280.png') })
  await rosa.setViewportSize({ width: 375, height: 800 })
  // another hard word, typed, saved when the reviewer leaves the box
  await openDetails(rosa, '0-0', 1)
  await rosa.fill('#hard-other-0-0', 'bill')
  await rosa.press('#hard-other-0-0', 'Tab')
  await rosa.waitForFunction(() => document.querySelector('#point-0-0 [data-rv-status]').textContent.length > 0)
  // "Not sure", then "Tell us more", type, and straight to "Send my answers" without any Save
  await rosa.click('#point-0-2 button[value="not_sure"]')
  await rosa.waitForFunction(() => document.querySelector('#point-0-2 [data-rv-status]').textContent.startsWith('You said'))
  await openDetails(rosa, '0-2', 2)
  await rosa.fill('#comment-0-2', 'What is a liability order?')
  await rosa.check('#overall-okay')
  await Promise.all([rosa.waitForNavigation(), rosa.click('#finish button[type=submit]')])
  await visit(rosa, 'thank you', true)
  await account(rosa, true)
  step('reviewer with JavaScript')

  // --- The reviewer pages without JavaScript (Ravi) ---
  const noJsSetup = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } })
  const setupNoJs = await newPage(noJsSetup)
  await setUpCode(setupNoJs, inviteNoJs, false)
  const raviContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } })
  const ravi = await newPage(raviContext)
  await signIn(ravi, keyNoJs, false)
  await visit(ravi, 'your documents', false)
  await ravi.goto(`${base}/review/read/${roundId}`)
  await visit(ravi, 'review page', false)
  results.audio.noJsPlayers = await ravi.$$eval('audio[controls] source[type="audio/wav"]', (els) => els.length)
  results.audio.noJsVisible = await ravi.$$eval('audio[controls]', (els) => els.every((e) => e.getBoundingClientRect().width > 0))
  const wav = await ravi.$eval('#point-0-0 audio source', (s) => s.src)
  const sound = await raviContext.request.get(wav)
  results.audio.wavType = (sound.headers()['content-type'] || '').split(';')[0]
  // a comment typed in one part, then an answer pressed in another: the comment is kept
  await openDetails(ravi, '1-0', 2)
  await ravi.fill('#comment-1-0', 'Typed before pressing an answer elsewhere')
  await Promise.all([ravi.waitForNavigation(), ravi.click('#point-0-0 button[value="understand"]')])
  results.noJsCommentKept = await ravi.inputValue('#comment-1-0')
  // "Tell us more", type, and straight to "Send my answers"
  await openDetails(ravi, '0-2', 2)
  await ravi.fill('#comment-0-2', 'Court is scary. Who do I ask?')
  await ravi.check('#overall-hard')
  await Promise.all([ravi.waitForNavigation(), ravi.click('#finish button[type=submit]')])
  await visit(ravi, 'thank you', false)
  await account(ravi, false)
  step('reviewer without JavaScript')
} catch (error) {
  results.error = String(error && error.stack ? error.stack : error)
} finally {
  await browser.close()
}
console.log(JSON.stringify(results))
process.exit(results.error ? 1 : 0)
