/*
 * The public map (/carte): the places of the GeoJSON export the page names (#resultats[data-geojson]) as
 * clustered markers, each with its card; reloaded when the filters swap the list (htmx). Places without
 * coordinates are in the list only. No inline script, no HTML built from data: cards are DOM nodes with text.
 */
(function () {
  'use strict';

  var element = document.getElementById('carte');
  if (!element || !window.L) {
    return;
  }
  // maxZoom on the map itself: without tiles (no internet, tests) the clusters need it
  var map = L.map(element, { center: [46.6, 2.4], zoom: 5, minZoom: 2, maxZoom: 19, keyboard: true });
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 19 }).addTo(map);
  }
  var cluster = L.markerClusterGroup({ chunkedLoading: true });
  var byId = {};
  map.addLayer(cluster);

  function text(tag, value) {
    var node = document.createElement(tag);
    node.textContent = value;
    return node;
  }

  function card(place) {
    var node = document.createElement('div');
    node.className = 'aptic-popup';
    node.appendChild(text('h3', place.name));
    node.appendChild(text('p', place.organisation));
    node.appendChild(text('p', place.address + ', ' + place.postalCode + ' ' + place.commune));
    if (place.openingHours) {
      node.appendChild(text('p', 'Horaires : ' + place.openingHours));
    }
    if (place.services && place.services.length) {
      node.appendChild(text('p', 'Services : ' + place.services.join(', ')));
    }
    return node;
  }

  function load() {
    var results = document.getElementById('resultats');
    if (!results) {
      return;
    }
    element.removeAttribute('data-loaded');
    fetch(results.dataset.geojson, { headers: { Accept: 'application/geo+json' } })
      .then(function (response) { return response.json(); })
      .then(function (collection) {
        cluster.clearLayers();
        byId = {};
        var markers = [];
        collection.features.forEach(function (feature) {
          if (!feature.geometry) {
            return;
          }
          var position = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
          var marker = L.marker(position, { title: feature.properties.name, alt: feature.properties.name });
          marker.bindPopup(card(feature.properties));
          markers.push(marker);
          byId[feature.id] = marker;
        });
        cluster.addLayers(markers);
        if (markers.length) {
          map.fitBounds(cluster.getBounds(), { maxZoom: 13, padding: [20, 20] });
        }
        element.dataset.markers = String(markers.length);
        element.dataset.loaded = 'true';
      })
      .catch(function () {
        element.dataset.loaded = 'error';
      });
  }

  // "Voir sur la carte" beside a listed place: the map shows it and opens its card
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-place]') : null;
    var marker = button ? byId[button.dataset.place] : null;
    if (!marker) {
      return;
    }
    element.scrollIntoView({ block: 'nearest' });
    cluster.zoomToShowLayer(marker, function () { marker.openPopup(); });
  });

  // the filters are the page's only htmx request: once the new list has settled, its places go on the map
  document.body.addEventListener('htmx:afterSettle', load);
  load();
})();
