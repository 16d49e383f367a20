/* Profile charts (skill_matrix extension): plain SVG, no library, no build step.
 *
 * window.skillChart.draw(container, spec) replaces container's content with a figure: a radar
 * when the spec has 3 to 12 axes, horizontal bars otherwise, a legend, and the same numbers as
 * a table that screen readers read (the SVG itself is hidden from them). Used by the growth plan
 * (skill_plan.js) and the role pages (the block script.skill-chart-data, drawn on load).
 *
 * spec: {
 *   title: text, note: text (under the title),
 *   axisHeader: text (the table's first column), countHeader: text (optional),
 *   axes: [{id, name, count (optional)}],
 *   series: [{id, name, values: [number per axis], dashed: bool}],
 *   max: number, rings: [{value, label}]      the scale: its maximum and the labelled rings
 *   digits: decimals in the table (0 or 1)
 * }
 * Each point of a series is a circle with data-series, data-axis and data-value, so that what
 * the chart shows can be read off the SVG.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var COLOURS = ['#1f5fbf', '#b3261e', '#3d3d3d', '#1b7f3b', '#8a4baf', '#b35900', '#00838f', '#5d4037'];
  var DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4', '12 2'];
  var RADAR_MIN = 3;
  var RADAR_MAX = 12;
  var counter = 0;

  function svg(tag, attributes, children) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attributes[name]; } else { node.setAttribute(name, String(attributes[name])); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }
  function html(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attributes[name]; } else { node.setAttribute(name, attributes[name]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }
  function round(value) { return Math.round(value * 100) / 100; }
  function shortName(name) { return name.length > 26 ? name.slice(0, 25) + '…' : name; }
  function style(series, index) {
    return { colour: COLOURS[index % COLOURS.length], dash: series.dashed ? '6 3' : DASHES[index % DASHES.length] };
  }

  function point(series, index, axis, x, y, value) {
    return svg('circle', {
      class: 'skill-chart-point', cx: round(x), cy: round(y), r: 3, fill: style(series, index).colour,
      'data-series': series.id, 'data-axis': axis.id, 'data-value': round(value)
    });
  }

  function radar(spec) {
    var size = 460;
    var centre = size / 2;
    var radius = 150;
    var count = spec.axes.length;
    var angle = function (index) { return -Math.PI / 2 + 2 * Math.PI * index / count; };
    var at = function (index, value) {
      var share = spec.max ? Math.max(0, Math.min(value, spec.max)) / spec.max : 0;
      return [centre + Math.cos(angle(index)) * radius * share, centre + Math.sin(angle(index)) * radius * share];
    };
    var margin = 80;  // room for the axes' names left and right of the radar
    var root = svg('svg', { viewBox: -margin + ' 0 ' + (size + 2 * margin) + ' ' + size, class: 'skill-chart-svg skill-chart-radar' });
    var grid = svg('g', { class: 'skill-chart-grid' });
    spec.rings.forEach(function (ring) {
      var corners = spec.axes.map(function (axis, index) { return at(index, ring.value).map(round).join(','); });
      grid.appendChild(svg('polygon', { points: corners.join(' '), fill: 'none', stroke: '#8c959f', 'stroke-width': 0.75 }));
      var label = at(0, ring.value);
      grid.appendChild(svg('text', { x: round(label[0] + 4), y: round(label[1] - 2), class: 'skill-chart-ring', text: shortName(ring.label) }));
    });
    spec.axes.forEach(function (axis, index) {
      var end = at(index, spec.max);
      var group = svg('g', { class: 'skill-chart-axis', 'data-axis': axis.id });
      group.appendChild(svg('line', { x1: centre, y1: centre, x2: round(end[0]), y2: round(end[1]), stroke: '#8c959f', 'stroke-width': 0.75 }));
      var cos = Math.cos(angle(index));
      var sin = Math.sin(angle(index));
      var text = svg('text', {
        x: round(centre + cos * (radius + 14)), y: round(centre + sin * (radius + 14) + (sin > 0.3 ? 10 : sin < -0.3 ? -4 : 4)),
        'text-anchor': cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle', class: 'skill-chart-label', text: shortName(axis.name)
      });
      text.appendChild(svg('title', { text: axis.name }));
      group.appendChild(text);
      grid.appendChild(group);
    });
    root.appendChild(grid);
    spec.series.forEach(function (series, seriesIndex) {
      var look = style(series, seriesIndex);
      var corners = series.values.map(function (value, index) { return at(index, value).map(round).join(','); });
      var group = svg('g', { class: 'skill-chart-series', 'data-series': series.id });
      group.appendChild(svg('polygon', {
        points: corners.join(' '), fill: series.dashed ? 'none' : look.colour, 'fill-opacity': 0.08,
        stroke: look.colour, 'stroke-width': 2, 'stroke-dasharray': look.dash
      }));
      series.values.forEach(function (value, index) {
        var xy = at(index, value);
        group.appendChild(point(series, seriesIndex, spec.axes[index], xy[0], xy[1], value));
      });
      root.appendChild(group);
    });
    return root;
  }

  function bars(spec) {
    var labelWidth = 190;
    var barWidth = 260;
    var bar = 9;
    var rowHeight = spec.series.length * (bar + 2) + 12;
    var height = spec.axes.length * rowHeight + 24;
    var root = svg('svg', { viewBox: '0 0 ' + (labelWidth + barWidth + 50) + ' ' + height, class: 'skill-chart-svg skill-chart-bars' });
    var scale = function (value) { return spec.max ? barWidth * Math.max(0, Math.min(value, spec.max)) / spec.max : 0; };
    spec.rings.forEach(function (ring) {
      var x = round(labelWidth + scale(ring.value));
      root.appendChild(svg('line', { x1: x, y1: 0, x2: x, y2: height - 18, stroke: '#8c959f', 'stroke-width': 0.75 }));
      root.appendChild(svg('text', { x: x, y: height - 4, 'text-anchor': 'middle', class: 'skill-chart-ring', text: shortName(ring.label) }));
    });
    spec.axes.forEach(function (axis, axisIndex) {
      var top = axisIndex * rowHeight + 6;
      var group = svg('g', { class: 'skill-chart-axis', 'data-axis': axis.id });
      var text = svg('text', { x: labelWidth - 8, y: top + rowHeight / 2, 'text-anchor': 'end', class: 'skill-chart-label', text: shortName(axis.name) });
      text.appendChild(svg('title', { text: axis.name }));
      group.appendChild(text);
      spec.series.forEach(function (series, seriesIndex) {
        var look = style(series, seriesIndex);
        var y = top + seriesIndex * (bar + 2);
        var width = scale(series.values[axisIndex]);
        group.appendChild(svg('rect', {
          x: labelWidth, y: y, width: round(Math.max(width, 0.5)), height: bar,
          fill: series.dashed ? 'none' : look.colour, 'fill-opacity': 0.75, stroke: look.colour, 'stroke-dasharray': look.dash
        }));
        group.appendChild(point(series, seriesIndex, axis, labelWidth + width, y + bar / 2, series.values[axisIndex]));
      });
      root.appendChild(group);
    });
    return root;
  }

  function legend(spec) {
    var list = html('ul', { class: 'skill-chart-legend', 'aria-hidden': 'true' });
    spec.series.forEach(function (series, index) {
      var look = style(series, index);
      var mark = svg('svg', { width: 28, height: 10, viewBox: '0 0 28 10' }, [
        svg('line', { x1: 1, y1: 5, x2: 27, y2: 5, stroke: look.colour, 'stroke-width': 3, 'stroke-dasharray': look.dash })
      ]);
      list.appendChild(html('li', {}, [mark, document.createTextNode(series.name)]));
    });
    return list;
  }

  function table(spec, captionId) {
    var digits = spec.digits || 0;
    var head = html('tr', {}, [html('th', { scope: 'col', text: spec.axisHeader })]);
    if (spec.countHeader) { head.appendChild(html('th', { scope: 'col', text: spec.countHeader })); }
    spec.series.forEach(function (series) { head.appendChild(html('th', { scope: 'col', text: series.name })); });
    var rows = spec.axes.map(function (axis, index) {
      var row = html('tr', { 'data-axis': axis.id }, [html('th', { scope: 'row', text: axis.name })]);
      if (spec.countHeader) { row.appendChild(html('td', { text: String(axis.count) })); }
      spec.series.forEach(function (series) { row.appendChild(html('td', { text: series.values[index].toFixed(digits) })); });
      return row;
    });
    return html('table', { class: 'skill-chart-table', 'aria-labelledby': captionId }, [
      html('thead', {}, [head]), html('tbody', {}, rows)
    ]);
  }

  function draw(container, spec) {
    counter += 1;
    var captionId = 'skill-chart-caption-' + counter;
    var radarShape = spec.axes.length >= RADAR_MIN && spec.axes.length <= RADAR_MAX;
    var picture = radarShape ? radar(spec) : bars(spec);
    picture.setAttribute('aria-hidden', 'true');
    picture.setAttribute('focusable', 'false');
    var caption = html('figcaption', { id: captionId }, [
      html('span', { class: 'skill-chart-title', text: spec.title }),
      spec.note ? html('span', { class: 'skill-chart-note', text: spec.note }) : null
    ]);
    var figure = html('figure', { class: 'skill-chart', 'data-shape': radarShape ? 'radar' : 'bars' }, [
      caption, picture, legend(spec), html('div', { class: 'skill-chart-numbers' }, [table(spec, captionId)])
    ]);
    container.textContent = '';
    container.appendChild(figure);
    return figure;
  }

  window.skillChart = { draw: draw };

  // Charts whose data the page carries (role pages): a script.skill-chart-data inside a .skill-chart-box.
  function drawBlocks() {
    Array.prototype.forEach.call(document.querySelectorAll('.skill-chart-box > script.skill-chart-data'), function (block) {
      try {
        var box = block.parentNode;
        var target = html('div', { class: 'skill-chart-drawn' });
        box.appendChild(target);
        draw(target, JSON.parse(block.textContent));
      } catch (error) { /* a chart that cannot be drawn leaves the tables below */ }
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', drawBlocks); } else { drawBlocks(); }
}());
