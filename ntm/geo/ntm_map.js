// window.ntm: the map page's layer, tooltips, legend and play control (see ntm/geo/folium_map.py).
// A Jinja template: folium fills in the interface words (T) and the map's variable.
(function (map) {
  var T = {{ this.texts|tojson }};
  var ntm = window.ntm = {map: map, p: null, layers: [], year: null, timer: null, fitKey: null, pendingFit: null,
                          units: null, points: null, pointMarkers: [], labels: null};
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function usable(b) {
    return b && b.length === 2 && [b[0][0], b[0][1], b[1][0], b[1][1]].every(function (v) {
      return typeof v === 'number' && isFinite(v);
    });
  }
  function sized() { var s = map.getSize(); return s.x > 40 && s.y > 40; }
  // Fitting a map whose frame has no size yet gives a NaN zoom and "Invalid LatLng object:
  // (NaN, NaN)": wait for the frame to be laid out.
  function fit(b) {
    if (!usable(b)) return;
    if (!sized()) { ntm.pendingFit = b; return; }
    ntm.pendingFit = null;
    map.fitBounds(b, {padding: [8, 8], animate: false});
  }
  map.on('resize', function () {
    if (ntm.pendingFit && sized()) fit(ntm.pendingFit);
    openLegend();
  });
  function hatch() {
    var svg = map.getPanes().overlayPane.querySelector('svg');
    if (!svg || svg.querySelector('#ntm-hatch')) return;
    var ns = 'http://www.w3.org/2000/svg';
    var defs = document.createElementNS(ns, 'defs');
    var pattern = document.createElementNS(ns, 'pattern');
    pattern.setAttribute('id', 'ntm-hatch');
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '6');
    pattern.setAttribute('height', '6');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    var back = document.createElementNS(ns, 'rect');
    back.setAttribute('width', '6'); back.setAttribute('height', '6'); back.setAttribute('fill', '#f4f4f4');
    var line = document.createElementNS(ns, 'rect');
    line.setAttribute('width', '1.6'); line.setAttribute('height', '6'); line.setAttribute('fill', '#8a8a8a');
    pattern.appendChild(back); pattern.appendChild(line); defs.appendChild(pattern);
    svg.insertBefore(defs, svg.firstChild);
  }
  function entry(code) {
    var d = ntm.p.data[String(ntm.year)];
    return d ? d[code] : null;
  }
  function fillOf(cls) {
    if (cls === -1) return 'url(#ntm-hatch)';
    if (cls === null || cls === undefined) return ntm.p.noData;
    return ntm.p.colours[Math.min(cls, ntm.p.colours.length - 1)];
  }
  function style(f) {
    var p = ntm.p, c = f.properties.c, e = entry(c);
    var chosen = p.chosen[c] === 1, selected = c === p.selected, dim = p.anyChosen && !chosen;
    return {
      fillColor: fillOf(e ? e[0] : null), fillOpacity: dim ? 0.4 : p.opacity, opacity: 1,
      color: selected ? '#000' : (chosen ? '#222' : '#666'), weight: selected ? 4 : (chosen ? 1.4 : 0.6),
      className: 'ntm-unit ntm-' + p.level
    };
  }
  function memberStatus(s, rural) {
    var x = ntm.p.text;
    if (s === '~') return x.absent;
    if (s === null || s === undefined) return rural ? (x.unreported || x.nodata) : x.unassessed;
    if (s === '1') return x.yes;
    if (s === '0') return x.no;
    return x.criteria.replace('{n}', s);
  }
  function tip(layer) {
    var p = ntm.p, c = layer.feature.properties.c, info = p.features[c] || {name: c, members: []};
    var e = entry(c), h = '<div class="ntm-tip"><b>' + esc(info.name) + '</b> · ' + ntm.year;
    if (!e) return h + '</div>';
    h += e[0] === -1 ? '<br>' + esc(e[1]) : '<br>' + esc(p.label) + ': <b>' + esc(e[1]) + '</b>';
    if (e[2]) h += '<br>' + esc(e[2]);
    if (e[3]) {
      h += '<ul>';
      for (var i = 0; i < info.members.length; i++) {
        h += '<li>' + esc(info.members[i]) + ': ' + esc(memberStatus(e[3][i], info.rural[i])) + '</li>';
      }
      h += '</ul>';
    } else if (info.formed) {
      h += '<br><span class="ntm-formed">' + esc(info.formed) + '</span>';
    }
    return h + '</div>';
  }
  function pointTip(i) {
    var p = ntm.p.points, item = p.items[i], y = String(ntm.year);
    var level = p.levels[y].charAt(i), met = p.criteria[y][i];
    return '<div class="ntm-tip"><b>' + esc(item[2]) + '</b> · ' + ntm.year + '<br>' +
      esc(p.levelNames[+level]) + (met === null ? '' : ', ' + esc(ntm.p.text.criteria.replace('{n}', met))) +
      '</div>';
  }
  function drawPoints() {
    if (!ntm.points) return;
    ntm.points.clearLayers();
    var p = ntm.p.points, levels = p.levels[String(ntm.year)] || '';
    for (var i = 0; i < ntm.pointMarkers.length; i++) {
      var level = levels.charAt(i);
      if (!level || level === '.') continue;
      ntm.pointMarkers[i].setStyle({fillColor: p.colours[+level]});
      ntm.points.addLayer(ntm.pointMarkers[i]);
    }
  }
  function drawLabels() {
    if (!ntm.labels) return;
    var show = ntm.p.labelZoom === null || map.getZoom() >= ntm.p.labelZoom;
    if (show && !map.hasLayer(ntm.labels)) ntm.labels.addTo(map);
    if (!show && map.hasLayer(ntm.labels)) map.removeLayer(ntm.labels);
  }
  map.on('zoomend', function () { if (ntm.p) drawLabels(); });
  ntm.show = function (year) {
    if (!ntm.p || ntm.p.years.indexOf(year) < 0) return;
    ntm.year = year;
    if (ntm.units) {
      ntm.units.eachLayer(function (layer) {
        layer.setStyle(style(layer.feature));
        if (layer.isTooltipOpen && layer.isTooltipOpen()) layer.setTooltipContent(tip(layer));
      });
    }
    drawPoints();
    play.range.value = ntm.p.years.indexOf(year);
    play.year.textContent = year;
  };
  function stop() {
    if (ntm.timer) clearInterval(ntm.timer);
    ntm.timer = null;
    play.button.textContent = '\u25B6';
    play.button.setAttribute('aria-label', T.play);
    play.button.title = T.play;
  }
  function start() {
    var years = ntm.p.years;
    if (years.indexOf(ntm.year) >= years.length - 1) ntm.show(years[0]);
    play.button.textContent = '\u275A\u275A';
    play.button.setAttribute('aria-label', T.pause);
    play.button.title = T.pause;
    ntm.timer = setInterval(function () {
      var next = years.indexOf(ntm.year) + 1;
      if (next >= years.length) { stop(); return; }
      ntm.show(years[next]);
      if (next === years.length - 1) stop();
    }, T.interval);
  }
  ntm.stop = stop;
  ntm.playing = function () { return ntm.timer !== null; };
  var Play = L.Control.extend({
    options: {position: 'bottomleft'},
    onAdd: function () {
      var div = L.DomUtil.create('div', 'ntm-play');
      div.innerHTML = '<button type="button" class="ntm-play-button"></button>' +
        '<input class="ntm-play-range" type="range" min="0" max="0" step="1" value="0">' +
        '<span class="ntm-play-year" aria-live="polite"></span>';
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    }
  });
  var playControl = new Play().addTo(map), box = playControl.getContainer();
  var play = {button: box.querySelector('button'), range: box.querySelector('input'), year: box.querySelector('span')};
  play.range.setAttribute('aria-label', T.year);
  play.range.title = T.year;
  play.button.addEventListener('click', function () { if (ntm.timer) stop(); else if (ntm.p) start(); });
  play.range.addEventListener('input', function () { stop(); ntm.show(ntm.p.years[+play.range.value]); });
  stop();
  var Legend = L.Control.extend({
    options: {position: 'topright'},
    onAdd: function () {
      var box = L.DomUtil.create('details', 'ntm-legend');
      box.innerHTML = '<summary>' + esc(T.legend) + '</summary><div class="ntm-legend-body"></div>';
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    }
  });
  var legend = new Legend().addTo(map).getContainer(), legendDecided = false;
  function openLegend() {
    if (legendDecided || !sized()) return;
    legendDecided = true;
    legend.open = map.getSize().x >= T.legendWidth;
  }
  ntm.load = function (p) {
    stop();
    ntm.layers.forEach(function (layer) { map.removeLayer(layer); });
    ntm.layers = [];
    ntm.p = p;
    ntm.year = p.year;
    p.chosen = {};
    (p.chosenCodes || []).forEach(function (c) { p.chosen[c] = 1; });
    p.anyChosen = (p.chosenCodes || []).length > 0;
    ntm.units = L.geoJSON(p.shapes, {
      style: style,
      onEachFeature: function (f, layer) { layer.bindTooltip(tip, {sticky: true}); }
    });
    ntm.layers.push(ntm.units.addTo(map));
    ntm.units.eachLayer(function (layer) {  // the clicked unit's outline over its neighbours'
      if (layer.feature.properties.c === p.selected) layer.bringToFront();
    });
    hatch();
    [[p.borders, {color: '#333', weight: 1.3, className: 'ntm-border'}],
     [p.outline, {color: '#111', weight: 3.2, className: 'ntm-outline'}]].forEach(function (pair) {
      if (!pair[0]) return;
      var options = L.extend({fill: false, interactive: false, opacity: 0.9}, pair[1]);
      ntm.layers.push(L.geoJSON(pair[0], {style: function () { return options; }, interactive: false}).addTo(map));
    });
    ntm.labels = null;
    if (p.labels && p.labels.length) {
      ntm.labels = L.layerGroup(p.labels.map(function (label) {
        return L.marker([label[0], label[1]], {interactive: false, keyboard: false, icon: L.divIcon({
          html: '<div class="ntm-label">' + esc(label[2]) + '</div>',
          iconSize: [120, 16], iconAnchor: [60, 8], className: 'ntm-label-icon'})});
      }));
      ntm.layers.push(ntm.labels);
      drawLabels();
    }
    ntm.points = null;
    ntm.pointMarkers = [];
    if (p.points) {
      ntm.points = L.layerGroup().addTo(map);
      ntm.layers.push(ntm.points);
      ntm.pointMarkers = p.points.items.map(function (item, i) {
        return L.circleMarker([item[0], item[1]], {
          radius: 4, weight: 1, color: '#333', fill: true, fillOpacity: 0.9, className: 'ntm-point'
        }).bindTooltip(function () { return pointTip(i); });
      });
    }
    legend.querySelector('.ntm-legend-body').innerHTML = p.legend;
    openLegend();
    play.range.max = p.years.length - 1;
    play.button.disabled = play.range.disabled = p.years.length < 2;  // one year: nothing to play
    if (p.fitKey !== ntm.fitKey) { ntm.fitKey = p.fitKey; fit(p.focus); }
    ntm.show(p.year);
  };
})({{ this._parent.get_name() }});
