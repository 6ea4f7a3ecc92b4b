// Progressive enhancement for pages that wait for something outside the page (a phone's
// approval, the wipe): shows the new state every few seconds. Not a <meta> refresh, which
// WCAG 2.2.1 rules out; without this script the page offers a link to see the state now.
// It never reloads while the person is typing into a field, so nothing typed is lost.
(function () {
  'use strict';
  var note = document.getElementById('refresh-note');
  if (!note) {
    return;
  }
  var seconds = parseInt(note.getAttribute('data-refresh-seconds'), 10) || 5;
  function busy() {
    var active = document.activeElement;
    if (active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) {
      return true;
    }
    return Array.prototype.some.call(document.querySelectorAll('input[type=text], textarea'), function (field) {
      return field.value !== '' && !field.readOnly;
    });
  }
  function tick() {
    if (busy()) {
      window.setTimeout(tick, seconds * 1000);
    } else {
      window.location.reload();
    }
  }
  window.setTimeout(tick, seconds * 1000);
}());
