/*
 * The steering page's charts (/pilotage): each canvas[data-chart] holds, as JSON, what to draw (labels, series,
 * stacked or not, the unit); this draws it with Chart.js. Data only, never code: no inline script (the pages' CSP
 * forbids them). Charts in a part that htmx swaps (the filtered funnel, a simulation's answer) are drawn once it
 * has settled. The table beside each chart holds the same figures for keyboards and screen readers.
 */
(function () {
  'use strict';

  // DSFR's colours: blue France, then the illustrative palette, grey last
  var PALETTE = ['#000091', '#18753c', '#b34000', '#ce0500', '#0063cb', '#6e445a', '#716043', '#a558a0',
    '#009081', '#929292'];
  var LINES = ['#ce0500', '#18753c', '#0063cb'];
  var numbers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

  function format(value, unit) {
    if (value === null || value === undefined) {
      return '—';
    }
    if (unit === '%') {
      return numbers.format(value) + ' %';
    }
    if (unit === '€') {
      return numbers.format(Math.round(value)) + ' €';
    }
    return numbers.format(value);
  }

  function config(spec) {
    var bars = 0;
    var lines = 0;
    var datasets = spec.datasets.map(function (series) {
      var line = series.kind === 'line';
      var colour = line ? LINES[lines++ % LINES.length] : PALETTE[bars++ % PALETTE.length];
      return {
        type: line ? 'line' : 'bar',
        label: series.label,
        data: series.data,
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: line ? 2 : 0,
        borderDash: line ? [6, 4] : undefined,
        pointRadius: line ? 0 : undefined,
        maxBarThickness: 56,
        order: line ? 0 : 1
      };
    });
    var valueAxis = {
      stacked: spec.stacked,
      beginAtZero: true,
      ticks: { callback: function (value) { return format(value, spec.unit); } }
    };
    if (spec.unit === '%') {
      valueAxis.max = 100;
    }
    if (!spec.unit) {
      valueAxis.ticks.precision = 0; // counts of producers or applications: whole numbers only
    }
    var categoryAxis = { stacked: spec.stacked, ticks: { autoSkip: false } };
    return {
      type: 'bar',
      data: { labels: spec.labels, datasets: datasets },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: 'fr-FR',
        scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: function (context) {
                var value = spec.horizontal ? context.parsed.x : context.parsed.y;
                return context.dataset.label + ' : ' + format(value, spec.unit);
              }
            }
          }
        }
      }
    };
  }

  function draw(root) {
    if (!window.Chart) {
      return;
    }
    (root || document).querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas.dataset.drawn === 'true') {
        return;
      }
      try {
        var existing = window.Chart.getChart(canvas);
        if (existing) {
          existing.destroy();
        }
        new window.Chart(canvas, config(JSON.parse(canvas.dataset.chart)));
        canvas.dataset.drawn = 'true';
      } catch (error) {
        canvas.dataset.drawn = 'error';
        if (window.console) {
          window.console.error('Graphique non dessiné : ' + canvas.dataset.graphique, error);
        }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSettle', function () { draw(document); });
  if (document.readyState !== 'loading') {
    draw(document);
  }
})();
