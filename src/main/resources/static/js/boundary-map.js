// Maps drawn from the shipped OCHA COD-AB boundaries (no tile server): each
// .boundary-map element says what to draw in its data- attributes.
(function () {
  'use strict';

  function label(props, lang) {
    var rtl = lang === 'ar' || lang === 'ckb';
    var span = document.createElement('span');
    span.textContent = ((rtl && props.name_ar) ? props.name_ar : props.name_en) + ' \u00b7 ' + props.pcode;
    return span;
  }

  function load(api, level, within) {
    return fetch(api + '?level=' + level + '&within=' + encodeURIComponent(within || ''))
      .then(function (response) { return response.json(); });
  }

  function draw(el) {
    var d = el.dataset;
    var map = L.map(el, { zoomSnap: 0.25, scrollWheelZoom: false });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(d.attribution);
    var styles = {
      context: { color: '#8a96a3', weight: 1, fillColor: '#ffffff', fillOpacity: 0.6 },
      focus: { color: '#0b5d7a', weight: 2.5, fillColor: '#0b5d7a', fillOpacity: 0.12 },
      children: { color: '#0b5d7a', weight: 1, fillColor: '#e8f3f7', fillOpacity: 0.7 }
    };
    var requests = [];
    function layer(kind, level, within) {
      if (!level) { return; }
      requests.push(load(d.api, level, within).then(function (geojson) {
        return { kind: kind, layer: L.geoJSON(geojson, {
          style: styles[kind],
          onEachFeature: function (feature, shape) {
            shape.bindTooltip(label(feature.properties, d.lang), { sticky: true });
            if (kind !== 'focus' && d.link) {
              shape.on('click', function () {
                window.location.href = d.link.replace('{pcode}', feature.properties.pcode);
              });
              shape.on('mouseover', function () { shape.setStyle({ fillColor: '#b9dbe7' }); });
              shape.on('mouseout', function () { shape.setStyle({ fillColor: styles[kind].fillColor }); });
            }
          }
        }) };
      }));
    }
    layer('context', d.contextLevel, d.contextWithin);
    layer('focus', d.focusLevel, d.focusPcode);
    layer('children', d.childrenLevel, d.focusPcode);
    Promise.all(requests).then(function (layers) {
      var bounds = null;
      layers.forEach(function (entry) {
        entry.layer.addTo(map);
        if (entry.kind === 'focus' || (!bounds && entry.kind !== 'context')) {
          bounds = entry.layer.getBounds();
        }
      });
      if (!bounds && layers.length) { bounds = layers[0].layer.getBounds(); }
      if (bounds && bounds.isValid()) { map.fitBounds(bounds, { padding: [12, 12] }); }
      el.classList.add('loaded');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.boundary-map').forEach(draw);
  });
})();
