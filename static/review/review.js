// Review page helpers. Everything works without this file (forms post, audio links play);
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
  playing.play().catch(() => { window.location.href = button.dataset.rvAudioUrl })
}

for (const button of document.querySelectorAll('[data-rv-say]')) {
  button.hidden = false
  button.addEventListener('click', () => say(button))
}

async function save (form, submitter) {
  const data = new FormData(form)
  if (submitter && submitter.name) data.set(submitter.name, submitter.value)
  const status = form.querySelector('[data-rv-status]')
  try {
    const response = await fetch(form.action, { method: 'POST', body: data, headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    const body = await response.json()
    if (!response.ok || !body.ok) throw new Error(body.error || 'not saved')
    if ('answer' in body) {
      for (const b of form.querySelectorAll('[data-rv-answer]')) b.setAttribute('aria-pressed', String(b.value === body.answer))
    }
    if (status) status.textContent = body.said || 'Saved.'
  } catch (error) {
    if (status) status.textContent = (error && error.message && error.message !== 'not saved' && !error.message.startsWith('Unexpected')) ? error.message : 'That did not save. Please try again.'
  }
}

for (const form of document.querySelectorAll('[data-rv-form]')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    save(form, event.submitter)
  })
  for (const input of form.querySelectorAll('[data-rv-autosave]')) input.addEventListener('change', () => save(form, null))
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
