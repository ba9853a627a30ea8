// Letters: update progress without reloading. Works without this file (meta refresh and a Refresh link).
(function () {
  'use strict'
  var poller = document.querySelector('[data-er-poll]')
  if (!poller || !window.fetch) return
  var url = poller.getAttribute('data-er-poll')
  var active = function (status) { return status === 'queued' || status === 'running' }

  function update (doc) {
    var row = document.querySelector('[data-er-document="' + doc.id + '"]')
    var scope = row || poller
    var progress = scope.querySelector('[data-er-field="progress"]')
    if (progress) progress.textContent = doc.progress + (doc.status === 'failed' && doc.error ? ' – ' + doc.error : '')
    var bar = scope.querySelector('progress')
    if (bar) { bar.value = doc.percent; bar.textContent = doc.percent + '%' }
  }

  function tick () {
    window.fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status) })
      .then(function (data) {
        var docs = data.documents || [data]
        docs.forEach(update)
        var stillRunning = docs.some(function (d) { return active(d.status) })
        // A first draft arrived since the page was drawn: show it (the page says it is still being checked).
        var firstArrived = !data.documents && data.first_draft && !poller.hasAttribute('data-er-first-draft')
        if (!stillRunning || firstArrived) {
          // Finished: show the draft (or the new status tags).
          window.location.reload()
          return
        }
        window.setTimeout(tick, 3000)
      })
      .catch(function () { window.setTimeout(tick, 10000) })
  }
  window.setTimeout(tick, 2000)
})()
