// Review page helpers. Everything works without this file (the page's form posts, sound players play);
// with it: read-aloud buttons (the browser's voice, else the server's espeak-ng recording),
// answers saved without reloading the page (focus stays on the button pressed), hard words
// and reasons saved as they are ticked.
const synth = window.speechSynthesis
let voicesReady = Promise.resolve()
if (synth) {
  voicesReady = new Promise((resolve) => {
    if (synth.getVoices().length) return resolve()
    synth.addEventListener('voiceschanged', () => resolve(), { once: true })
    setTimeout(resolve, 1500) // some browsers never fire voiceschanged when they have no voices
  })
}
let playing = null

function stop () {
  if (synth) synth.cancel()
  if (playing) { playing.pause(); playing = null }
}

function hasEnglishVoice () {
  return Boolean(synth) && synth.getVoices().some((v) => (v.lang || '').toLowerCase().startsWith('en'))
}

function pageText () {
  const parts = [...document.querySelectorAll('[data-rv-page] h1, [data-rv-page] .rv-section h2, [data-rv-page] .rv-point__text')]
  return parts.map((el) => el.textContent.trim()).join('. ')
}

async function say (button) {
  stop()
  const text = button.dataset.rvText || pageText()
  await voicesReady
  if (hasEnglishVoice()) {
    const utterance = new SpeechSynthesisUtterance(text)
    utterance.lang = 'en-GB'
    utterance.rate = 0.9
    synth.speak(utterance)
    return
  }
  playing = new Audio(button.dataset.rvAudioUrl)
  playing.play().catch(() => {
    // no sound from here: show the plain player instead of leaving the page
    const player = button.parentElement.querySelector('[data-rv-audio]')
    if (player) player.hidden = false
  })
}

for (const button of document.querySelectorAll('[data-rv-say]')) {
  button.hidden = false
  button.addEventListener('click', () => say(button))
}
// the read-aloud button replaces the plain sound player that works without JavaScript
for (const player of document.querySelectorAll('[data-rv-audio]')) player.hidden = true

// One part's answer, ticked words and comment, posted on their own (the form without JavaScript posts the whole page).
async function save (form, point, submitter) {
  const key = point.dataset.rvPoint
  const data = new FormData()
  data.set('csrf_token', form.querySelector('input[name="csrf_token"]').value)
  data.set('shown', key)
  for (const el of point.querySelectorAll('input[name], textarea[name]')) {
    if (el.type === 'hidden') continue
    if (el.type === 'checkbox' && !el.checked) continue
    data.append(el.name, el.value)
  }
  if (submitter && submitter.name) data.set(submitter.name, submitter.value)
  const status = point.querySelector('[data-rv-status]')
  try {
    const response = await fetch(point.dataset.rvUrl, { method: 'POST', body: data, headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    const body = await response.json()
    if (!response.ok || !body.ok) throw new Error(body.error || 'not saved')
    if ('answer' in body) {
      for (const b of point.querySelectorAll('[data-rv-answer]')) b.setAttribute('aria-pressed', String(b.value === body.answer))
    }
    if (status) status.textContent = body.said || 'Saved.'
    point.dataset.rvDirty = ''
  } catch (error) {
    if (status) status.textContent = (error && error.message && error.message !== 'not saved' && !error.message.startsWith('Unexpected')) ? error.message : 'That did not save. Please try again.'
  }
}

const pageForm = document.querySelector('[data-rv-page-form]')
if (pageForm) {
  pageForm.addEventListener('submit', (event) => {
    const point = event.submitter && event.submitter.closest('[data-rv-point]')
    if (!point) return // "Send my answers": the whole page goes, comments included
    event.preventDefault()
    save(pageForm, point, event.submitter)
  })
  for (const point of pageForm.querySelectorAll('[data-rv-point]')) {
    for (const el of point.querySelectorAll('[data-rv-nojs]')) el.hidden = true
    for (const input of point.querySelectorAll('[data-rv-autosave]')) input.addEventListener('change', () => save(pageForm, point, null))
    // typed words are saved a moment after the reviewer stops typing, and when they leave the box
    let timer = null
    for (const input of point.querySelectorAll('[data-rv-typed]')) {
      input.addEventListener('input', () => {
        point.dataset.rvDirty = 'yes'
        clearTimeout(timer)
        timer = setTimeout(() => save(pageForm, point, null), 1200)
      })
      input.addEventListener('change', () => { clearTimeout(timer); save(pageForm, point, null) })
    }
  }
}

const supporter = document.querySelector('[data-rv-supporter]')
if (supporter) {
  for (const el of supporter.querySelectorAll('[data-rv-nojs]')) el.hidden = true
  const box = supporter.querySelector('input[type=checkbox]')
  const status = supporter.querySelector('[data-rv-status]')
  box.addEventListener('change', async () => {
    const data = new FormData(supporter)
    const response = await fetch(supporter.action, { method: 'POST', body: data, headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    status.textContent = response.ok ? (box.checked ? 'Saved: a supporter is helping you.' : 'Saved.') : 'That did not save. Please try again.'
  })
}
