// Jisr's maps: Leaflet over Jisr's own territory boundaries (no tile server needed), an
// optional tile layer, the page's actors as clustered markers. The page works without
// this file: the list is the content, the map only shows it.
(function () {
  "use strict";
  var MOROCCO = [[27.6, -13.2], [35.95, -1.0]];
  var SHAPE = { color: "#0f5c4a", weight: 1, fillColor: "#cce2d8", fillOpacity: 0.35 };
  var AREA = { color: "#1d4f91", weight: 2, fillColor: "#d2e2f1", fillOpacity: 0.45 };

  function json(id) {
    var element = id && document.getElementById(id);
    if (!element) { return null; }
    try { return JSON.parse(element.textContent); } catch (e) { return null; }
  }

  function popup(point) {
    var link = document.createElement("a");
    link.href = point.href;
    link.textContent = point.name;
    link.dir = "auto";
    return link;
  }

  function start(element) {
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false, maxZoom: 18, minZoom: 4 });
    map.fitBounds(MOROCCO);
    var attribution = element.getAttribute("data-attribution") || "";
    var tiles = element.getAttribute("data-tiles");
    if (tiles) { L.tileLayer(tiles, { maxZoom: 18 }).addTo(map); }
    map.attributionControl.setPrefix(false);
    if (attribution) { map.attributionControl.addAttribution(attribution); }
    var fitted = false;

    function drawShapes(collection, style) {
      if (!collection || !collection.features || !collection.features.length) { return; }
      var layer = L.geoJSON(collection, {
        style: style,
        interactive: true,
        onEachFeature: function (feature, shape) {
          if (feature.properties && feature.properties.name) {
            shape.bindTooltip(feature.properties.name, { sticky: true, direction: "auto" });
          }
        }
      }).addTo(map);
      layer.bringToBack();
      if (!fitted) { map.fitBounds(layer.getBounds(), { maxZoom: 14 }); fitted = true; }
    }

    var inline = json(element.getAttribute("data-shapes-inline"));
    if (inline) { drawShapes(inline, AREA); }
    var points = json(element.getAttribute("data-markers")) || [];
    var cluster = L.markerClusterGroup({ showCoverageOnHover: false });
    points.forEach(function (point) {
      L.marker([point.lat, point.lon], { title: point.name, alt: point.name })
        .bindPopup(popup(point)).addTo(cluster);
    });
    map.addLayer(cluster);
    if (points.length && !fitted) {
      map.fitBounds(cluster.getBounds(), { maxZoom: 12, padding: [24, 24] });
      fitted = true;
    }
    var source = element.getAttribute("data-shapes");
    if (source && window.fetch) {
      fetch(source, { headers: { Accept: "application/geo+json" } })
        .then(function (answer) { return answer.ok ? answer.json() : null; })
        .then(function (collection) { drawShapes(collection, SHAPE); })
        .catch(function () { /* the map stays without its shapes */ });
    }
  }

  function nearMe(button) {
    if (!navigator.geolocation) { return; }
    button.hidden = false;
    var problem = document.getElementById("near-me-problem");
    button.addEventListener("click", function () {
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(function (position) {
        var form = button.form;
        var near = form.querySelector("input[name=near]");
        if (!near) {
          near = document.createElement("input");
          near.type = "hidden";
          near.name = "near";
          form.appendChild(near);
        }
        near.value = position.coords.latitude.toFixed(5) + "," + position.coords.longitude.toFixed(5);
        form.submit();
      }, function () {
        button.disabled = false;
        if (problem) { problem.textContent = button.getAttribute("data-refused"); problem.hidden = false; }
      }, { timeout: 10000, maximumAge: 300000 });
    });
  }

  if (window.L) {
    Array.prototype.forEach.call(document.querySelectorAll(".map"), start);
  }
  var button = document.getElementById("near-me");
  if (button) { nearMe(button); }
})();
