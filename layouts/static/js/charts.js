// Draws every chart of a page. Each <div class="chart" id="chart-X"> has its
// ECharts option, built by the site, in <script id="chart-X-option">.
// ECharts itself (the URL in this script's data-echarts) is fetched only
// when the first chart comes near the screen, so a page's first paint and
// its reading never wait for it; charts are drawn as they scroll into view
// and follow their container's size; labels and tooltips use the page's
// language.
(function () {
  "use strict";
  var self = document.currentScript;
  var charts = document.querySelectorAll("div.chart[id]");
  if (!charts.length || !self) return;

  function format(lang, v) {
    if (typeof v !== "number") return v;
    return lang === "zh" ? v.toLocaleString("zh-CN") : v.toLocaleString("en");
  }

  function draw(el) {
    var src = document.getElementById(el.id + "-option");
    if (!src || el.dataset.drawn) return;
    el.dataset.drawn = "1";
    var lang = el.dataset.lang === "zh" ? "zh" : "en";
    var option = JSON.parse(src.textContent);
    var fmt = function (v) { return format(lang, v); };
    option.tooltip = Object.assign(option.tooltip || {}, { valueFormatter: fmt });
    (option.series || []).forEach(function (s) {
      s.label = Object.assign(s.label || {}, { formatter: function (p) { return fmt(p.value); } });
    });
    var chart = window.echarts.init(el, null, { locale: lang === "zh" ? "ZH" : "EN", renderer: "canvas" });
    chart.setOption(option);
    if (window.ResizeObserver) {
      new ResizeObserver(function () { chart.resize(); }).observe(el);
    } else {
      window.addEventListener("resize", function () { chart.resize(); });
    }
  }

  // Charts waiting for ECharts; the library is requested once.
  var waiting = [], requested = false;
  function show(el) {
    if (window.echarts) return draw(el);
    waiting.push(el);
    if (requested) return;
    requested = true;
    var s = document.createElement("script");
    s.src = self.dataset.echarts;
    s.onload = function () { waiting.splice(0).forEach(draw); };
    // Without ECharts the boxes would stay empty: hide them; the tables
    // beside them carry the numbers.
    s.onerror = function () { charts.forEach(function (el) { el.hidden = true; }); };
    document.head.appendChild(s);
  }

  if (!("IntersectionObserver" in window)) {
    charts.forEach(show);
    return;
  }
  var io = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) { io.unobserve(e.target); show(e.target); }
    });
  }, { rootMargin: "200px" });
  charts.forEach(function (el) { io.observe(el); });
})();
