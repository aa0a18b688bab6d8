// Jisr console: pick a place on a map into two inputs (#latitude, #longitude).
// Without JavaScript, or without Leaflet, the two inputs are typed and the map stays hidden.
(function () {
  "use strict";
  var box = document.getElementById("location-map");
  var latitude = document.getElementById("latitude");
  var longitude = document.getElementById("longitude");
  if (!box || !latitude || !longitude || !window.L) { return; }
  var L = window.L;
  var shapes = {};
  try { shapes = JSON.parse(document.getElementById("location-shapes").textContent) || {}; } catch (e) { shapes = {}; }

  box.hidden = false;
  var map = L.map(box, { scrollWheelZoom: false });
  var tiles = box.getAttribute("data-tiles");
  if (tiles) { L.tileLayer(tiles, { maxZoom: 19 }).addTo(map); }

  function outline(territory, weight) {
    if (!territory || !territory.boundary) { return null; }
    return L.geoJSON(territory.boundary, {
      interactive: false,
      style: { color: "#0f5c4a", weight: weight, fill: weight > 1, fillOpacity: 0.05 }
    }).addTo(map);
  }
  var neighbours = (shapes.parent && shapes.parent.children) || [];
  neighbours.concat(shapes.children || []).forEach(function (t) { outline(t, 1); });
  if (shapes.level === "COMMUNE") { outline(shapes.parent, 2); }  // the province it must lie in
  var home = outline(shapes, 3);

  var marker = null;
  function read() {
    var lat = parseFloat(String(latitude.value).replace(",", "."));
    var lon = parseFloat(String(longitude.value).replace(",", "."));
    return isNaN(lat) || isNaN(lon) ? null : L.latLng(lat, lon);
  }
  function place(point) {
    if (!point) { if (marker) { map.removeLayer(marker); marker = null; } return; }
    if (!marker) {
      marker = L.circleMarker(point, { radius: 9, color: "#0b0c0c", weight: 3, fillColor: "#ffdd00", fillOpacity: 1 })
        .addTo(map).bindTooltip(box.getAttribute("data-marker-label") || "");
    } else {
      marker.setLatLng(point);
    }
  }

  var start = read();
  if (start) {
    map.setView(start, 12);
  } else if (home && home.getBounds().isValid()) {
    map.fitBounds(home.getBounds());
  } else if (shapes.centroid) {
    map.setView([shapes.centroid.latitude, shapes.centroid.longitude], 12);
  } else {
    map.setView([31.8, -7.1], 5);  // Morocco
  }
  place(start);

  map.on("click", function (event) {
    latitude.value = event.latlng.lat.toFixed(5);
    longitude.value = event.latlng.lng.toFixed(5);
    place(event.latlng);
    latitude.dispatchEvent(new Event("change", { bubbles: true }));
  });
  [latitude, longitude].forEach(function (field) {
    field.addEventListener("input", function () { place(read()); });
  });
})();
