// The analytics page's chart (Apache ECharts) and map (Leaflet, with the shipped OCHA
// boundaries and no tile server). Each reads what to draw from its data- attributes.
(function () {
  'use strict';

  function chart(el) {
    var d = el.dataset;
    var spec = JSON.parse(d.chart);
    var rtl = d.rtl === 'true';
    var shown = echarts.init(el, null, { renderer: 'canvas' });
    shown.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0, right: rtl ? 0 : 'auto', left: rtl ? 'auto' : 0 },
      grid: { left: 16, right: 16, top: 48, bottom: 24, containLabel: true },
      toolbox: { right: rtl ? 'auto' : 0, left: rtl ? 0 : 'auto', feature: { saveAsImage: { title: d.save, pixelRatio: 2 } } },
      xAxis: { type: 'category', data: spec.categories, inverse: rtl, axisLabel: { interval: 0, rotate: spec.categories.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', position: rtl ? 'right' : 'left' },
      series: spec.series.map(function (s) {
        return { name: s.name, type: spec.type, data: s.data, connectNulls: false };
      })
    });
    window.addEventListener('resize', function () { shown.resize(); });
    el.classList.add('loaded');
  }

  function classes(values) {
    var numbers = values.filter(function (v) { return v !== null; }).sort(function (a, b) { return a - b; });
    var breaks = [];
    for (var i = 1; i < 5; i++) {
      var at = numbers[Math.floor(numbers.length * i / 5)];
      if (at !== undefined && breaks.indexOf(at) < 0) { breaks.push(at); }
    }
    return breaks;
  }

  var COLOURS = ['#e8f3f7', '#b9dbe7', '#7fbdd2', '#3f8fad', '#0b5d7a'];

  function colour(value, breaks) {
    if (value === null || value === undefined) { return '#ffffff'; }
    var k = 0;
    while (k < breaks.length && value >= breaks[k]) { k++; }
    return COLOURS[Math.min(k, COLOURS.length - 1)];
  }

  function format(value) {
    return (value === null || value === undefined) ? null
      : value.toLocaleString('en', { maximumFractionDigits: 2 });
  }

  var fetched = {};

  // each set of boundaries is fetched once, however many maps of the page draw it
  function boundaries(url) {
    if (!fetched[url]) {
      fetched[url] = fetch(url).then(function (response) { return response.json(); });
    }
    return fetched[url];
  }

  function map(el) {
    var d = el.dataset;
    var values = JSON.parse(d.values);
    var rtl = d.lang === 'ar' || d.lang === 'ckb';
    var breaks = classes(Object.keys(values).map(function (k) { return values[k]; }));
    var shown = L.map(el, { zoomSnap: 0.25, scrollWheelZoom: false });
    shown.attributionControl.setPrefix(false);
    shown.attributionControl.addAttribution(d.attribution);
    boundaries(d.api + '?level=' + d.level + '&within=' + encodeURIComponent(d.within || ''))
      .then(function (geojson) {
        var layer = L.geoJSON(geojson, {
          style: function (feature) {
            return { color: '#5f6b78', weight: 1, fillOpacity: 0.85, fillColor: colour(values[feature.properties.pcode], breaks) };
          },
          onEachFeature: function (feature, shape) {
            var p = feature.properties;
            var tip = document.createElement('span');
            var value = format(values[p.pcode]);
            tip.textContent = ((rtl && p.name_ar) ? p.name_ar : p.name_en) + ': ' + (value === null ? d.nodata : value);
            shape.bindTooltip(tip, { sticky: true, direction: 'auto' });
            if (d.link) { shape.on('click', function () { window.location.href = d.link.replace('{pcode}', encodeURIComponent(p.pcode)); }); }
          }
        }).addTo(shown);
        if (layer.getBounds().isValid()) { shown.fitBounds(layer.getBounds(), { padding: [8, 8] }); }
        var legend = L.control({ position: rtl ? 'bottomleft' : 'bottomright' });
        legend.onAdd = function () {
          var box = L.DomUtil.create('div', 'legend');
          box.setAttribute('dir', rtl ? 'rtl' : 'ltr');
          var bounds = [null].concat(breaks);
          bounds.forEach(function (low, i) {
            var line = document.createElement('div');
            var swatch = document.createElement('i');
            swatch.style.background = COLOURS[i];
            line.appendChild(swatch);
            var high = breaks[i];
            line.appendChild(document.createTextNode(
              (low === null ? '< ' + format(high === undefined ? 0 : high) : format(low) + (high === undefined ? '+' : ' – ' + format(high)))));
            box.appendChild(line);
          });
          var none = document.createElement('div');
          var blank = document.createElement('i');
          blank.style.background = '#ffffff';
          none.appendChild(blank);
          none.appendChild(document.createTextNode(d.nodata));
          box.appendChild(none);
          return box;
        };
        if (d.legend !== 'none') { legend.addTo(shown); }
        el.classList.add('loaded');
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var c = document.getElementById('chart');
    if (c && window.echarts) { chart(c); }
    if (window.L) { document.querySelectorAll('.choropleth').forEach(map); }
  });
})();
