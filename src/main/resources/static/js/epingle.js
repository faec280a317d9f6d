/*
 * The optional pin of each place on the places step (/devenir/lieux): a small map per place; a click puts the
 * pin and fills the latitude and longitude inputs, which stay the accessible way to give them.
 */
(function () {
  'use strict';

  if (!window.L) {
    return;
  }
  document.querySelectorAll('.aptic-epingle').forEach(function (element) {
    var latitude = document.getElementById(element.dataset.latitude);
    var longitude = document.getElementById(element.dataset.longitude);
    if (!latitude || !longitude) {
      return;
    }
    var map = L.map(element, { center: [46.6, 2.4], zoom: 5, keyboard: false });
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 19 }).addTo(map);
    }
    var pin = null;

    function read(input) {
      var value = parseFloat(String(input.value).replace(',', '.'));
      return isFinite(value) ? value : null;
    }

    function place(position) {
      if (pin) {
        pin.setLatLng(position);
      } else {
        pin = L.marker(position).addTo(map);
      }
    }

    var lat = read(latitude);
    var lon = read(longitude);
    if (lat !== null && lon !== null) {
      place([lat, lon]);
      map.setView([lat, lon], 15);
    }
    map.on('click', function (event) {
      place(event.latlng);
      latitude.value = event.latlng.lat.toFixed(6).replace('.', ',');
      longitude.value = event.latlng.lng.toFixed(6).replace('.', ',');
    });
  });
})();
