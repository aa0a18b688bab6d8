// The dashboard's charts (Chart.js) and coverage map (Leaflet over Jisr's own boundaries).
// The page works without this file: each chart's numbers are in the table that follows it,
// the map's in the coverage table. A count the API hides (null) is a gap in a chart.
(function () {
  "use strict";
  var rtl = document.documentElement.dir === "rtl";
  var COLOURS = ["#1d4f91", "#0f7b5f", "#b3541e", "#6c3483"];
  var SHADES = {
    gap: { fillColor: "#b10e1e", fillOpacity: 0.7, color: "#6b0812", weight: 3, dashArray: "6 4" },
    none: { fillColor: "#d9d9d9", fillOpacity: 0.6, color: "#505a5f", weight: 1 },
    some: { fillColor: "#85c1a5", fillOpacity: 0.6, color: "#0f5c4a", weight: 1 },
    many: { fillColor: "#0f5c4a", fillOpacity: 0.6, color: "#0b3d31", weight: 1 }
  };

  function json(id) {
    var element = id && document.getElementById(id);
    if (!element) { return null; }
    try { return JSON.parse(element.textContent); } catch (e) { return null; }
  }

  function draw(box) {
    var data = json(box.getAttribute("data-chart"));
    var canvas = box.querySelector("canvas");
    if (!data || !canvas) { return; }
    box.hidden = false;
    var percent = !!data.percent;
    new window.Chart(canvas, {
      type: data.type,
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set, i) {
          return { label: set.label, data: set.data, backgroundColor: COLOURS[i % COLOURS.length] };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: document.documentElement.lang,
        plugins: {
          legend: { display: data.datasets.length > 1, rtl: rtl, textDirection: rtl ? "rtl" : "ltr" },
          tooltip: { rtl: rtl, textDirection: rtl ? "rtl" : "ltr" }
        },
        scales: {
          x: { reverse: rtl },
          y: { beginAtZero: true, position: rtl ? "right" : "left", max: percent ? 100 : undefined,
               ticks: { precision: 0 } }
        }
      }
    });
  }

  function coverage(element) {
    var cells = json(element.getAttribute("data-cells")) || {};
    var source = element.getAttribute("data-shapes");
    if (!window.L || !window.fetch || !source) { return; }
    element.hidden = false;
    var legend = document.getElementById("coverage-legend");
    if (legend) { legend.hidden = false; }
    var map = L.map(element, { scrollWheelZoom: false, maxZoom: 14, minZoom: 4, zoomSnap: 0.25 });
    map.fitBounds([[27.6, -13.2], [35.95, -1.0]]);
    map.attributionControl.setPrefix(false);
    var attribution = element.getAttribute("data-attribution");
    if (attribution) { map.attributionControl.addAttribution(attribution); }
    var tiles = element.getAttribute("data-tiles");
    if (tiles) { L.tileLayer(tiles, { maxZoom: 14 }).addTo(map); }
    fetch(source, { headers: { Accept: "application/geo+json" } })
      .then(function (answer) { return answer.ok ? answer.json() : null; })
      .then(function (collection) {
        if (!collection || !collection.features || !collection.features.length) { return; }
        var layer = L.geoJSON(collection, {
          filter: function (feature) { return !!cells[feature.id]; },
          style: function (feature) { return SHADES[cells[feature.id].shade]; },
          onEachFeature: function (feature, shape) {
            shape.bindTooltip(cells[feature.id].name, { sticky: true, direction: "auto" });
          }
        }).addTo(map);
        if (layer.getLayers().length) { map.fitBounds(layer.getBounds(), { padding: [8, 8] }); }
      })
      .catch(function () { /* the table stays the map's content */ });
  }

  if (window.Chart) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), draw);
  }
  var map = document.getElementById("coverage-map");
  if (map) { coverage(map); }
})();
