// OrgCoach page behaviour. No inline scripts anywhere (the Content-Security-Policy forbids them):
// pages describe what they need with data-* attributes, and this file acts on them.
(function () {
  'use strict';

  // Charts: an element with data-chart-src gets an ECharts graph built from the JSON at that URL.
  function renderCharts(root) {
    if (typeof echarts === 'undefined') return;
    root.querySelectorAll('[data-chart-src]').forEach(function (el) {
      if (el.dataset.chartDone) return;
      el.dataset.chartDone = '1';
      fetch(el.dataset.chartSrc, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.json(); })
        .then(function (option) {
          var chart = echarts.init(el);
          if (option.series) option.series.forEach(function (s) {
            if (s.type === 'graph') {
              s.label = s.label || { show: true, position: 'right', formatter: '{b}' };
            }
          });
          chart.setOption(option);
          window.addEventListener('resize', function () { chart.resize(); });
          chart.on('click', function (p) { if (p.data && p.data.href) window.location.href = p.data.href; });
        });
    });
  }

  // htmx requests carry the CSRF token that the page was rendered with.
  document.addEventListener('htmx:configRequest', function (e) {
    var b = document.body;
    if (b.dataset.csrfHeader && b.dataset.csrfToken) e.detail.headers[b.dataset.csrfHeader] = b.dataset.csrfToken;
  });

  // Confirmation for destructive buttons: data-confirm="text".
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var text = form.getAttribute('data-confirm');
    if (text && !window.confirm(text)) e.preventDefault();
  }, true);

  // Print buttons: data-print (the page's print stylesheet decides what goes on paper).
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[data-print]')) window.print();
  });

  document.addEventListener('DOMContentLoaded', function () { renderCharts(document); });
  document.addEventListener('htmx:afterSwap', function (e) { renderCharts(e.target); });
})();
