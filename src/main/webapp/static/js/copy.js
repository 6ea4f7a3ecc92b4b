// Progressive enhancement: a "copy" button for text the page already shows. Without this
// script the button stays hidden and the text can be selected or downloaded as before.
(function () {
  'use strict';
  function copied(button) {
    var status = document.getElementById(button.getAttribute('data-copied'));
    if (status) {
      status.textContent = button.getAttribute('data-copied-text');
    }
  }
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = source.value || source.textContent;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { copied(button); });
      } else {
        source.select();
        if (document.execCommand('copy')) {
          copied(button);
        }
      }
    });
  });
}());
