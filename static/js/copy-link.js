// The invite page: a "Copy the link" button. Without JavaScript the button stays hidden and the
// link is still shown whole in its box, selectable, and printed below.
(function () {
  'use strict'
  var button = document.querySelector('[data-er-copy]')
  if (!button) return
  var box = document.getElementById(button.getAttribute('data-er-copy'))
  var status = document.getElementById(button.getAttribute('data-er-copy') + '-status')
  button.hidden = false
  button.addEventListener('click', function () {
    var done = function () { if (status) status.textContent = 'Link copied.' }
    box.focus()
    box.select()
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(box.value).then(done, function () { if (document.execCommand('copy')) done() })
    } else if (document.execCommand('copy')) {
      done()
    }
  })
})()
