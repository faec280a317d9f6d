// The batch upload's progress bar: how much of the file has gone, while htmx sends it (no inline script: CSP).
document.addEventListener('htmx:xhr:progress', function (event) {
  var bar = document.getElementById('envoi-progression');
  if (bar && event.detail && event.detail.lengthComputable) {
    var percent = Math.round((event.detail.loaded / event.detail.total) * 100);
    bar.value = percent;
    bar.textContent = percent + ' %';
  }
});
