// Draws every chart of a page. Each <div class="chart" id="chart-X"> has its
// ECharts option, built by the site, in <script id="chart-X-option">. Charts
// are drawn when they scroll into view and follow their container's size;
// labels and tooltips use the page's language.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  if (!window.echarts) return;

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

  var charts = document.querySelectorAll("div.chart[id]");
  if (!("IntersectionObserver" in window)) {
    charts.forEach(draw);
    return;
  }
  var io = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) { io.unobserve(e.target); draw(e.target); }
    });
  }, { rootMargin: "200px" });
  charts.forEach(function (el) { io.observe(el); });
})();
