// Draws the entity page's charts with ECharts from the page's own JSON endpoint (data-charts-url); no inline
// script (CSP). Amounts arrive as decimal numbers in their currency; nothing is converted between currencies.
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("charts");
  if (!box || typeof echarts === "undefined") return;
  fetch(box.dataset.chartsUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(draw)
    .catch(function (e) { box.dataset.error = String(e); });

  // ECharts' own tooltip is HTML with style attributes, which the CSP refuses (style-src 'self'): the tooltip is
  // built here as elements instead, its text as text (names come from imported data), the marker's colour through
  // the CSSOM, which the CSP allows.
  var tooltip = { trigger: "axis", className: "chart-tip", formatter: tip };

  function tip(params) {
    var list = Array.isArray(params) ? params : [params];
    var box = document.createElement("div");
    if (list.length) {
      var head = document.createElement("div");
      head.className = "chart-tip-axis";
      head.textContent = list[0].axisValueLabel || list[0].name || "";
      box.appendChild(head);
    }
    list.forEach(function (p) {
      var line = document.createElement("div");
      var marker = document.createElement("span");
      marker.className = "chart-tip-marker";
      if (typeof p.color === "string") marker.style.backgroundColor = p.color;
      line.appendChild(marker);
      var value = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
      line.appendChild(document.createTextNode((p.seriesName ? p.seriesName + " : " : "")
          + Number(value).toLocaleString(document.documentElement.lang || undefined)));
      box.appendChild(line);
    });
    return box;
  }

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) return;
    var c = echarts.init(el);
    c.setOption(option);
    el.dataset.rendered = "true";
    window.addEventListener("resize", function () { c.resize(); });
  }

  function draw(data) {
    var months = Array.from(new Set(data.months.map(function (m) { return m.month; }))).sort();
    var series = {};
    data.months.forEach(function (m) {
      var key = m.direction + " " + m.currency;
      if (!series[key]) series[key] = months.map(function () { return 0; });
      series[key][months.indexOf(m.month)] = Number(m.amount);
    });
    chart("chart-months", {
      tooltip: tooltip, legend: {},
      xAxis: { type: "category", data: months }, yAxis: { type: "value" },
      series: Object.keys(series).map(function (k) { return { name: k, type: "bar", data: series[k] }; })
    });
    var hoursBox = document.getElementById("chart-hours");
    chart("chart-hours", {
      tooltip: tooltip, legend: {},
      xAxis: { type: "category", data: data.hours.map(function (h) { return String(h.hour).padStart(2, "0") + "h"; }) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: hoursBox ? hoursBox.dataset.sent : "sent", type: "bar", stack: "h", data: data.hours.map(function (h) { return h.sent; }) },
        { name: hoursBox ? hoursBox.dataset.received : "received", type: "bar", stack: "h", data: data.hours.map(function (h) { return h.received; }) }
      ]
    });
    function bars(id, list, value, unit) {
      var rows = list.slice().reverse();
      chart(id, {
        tooltip: tooltip, grid: { left: 160 },
        xAxis: { type: "value", name: unit },
        yAxis: { type: "category", data: rows.map(function (c) { return c.name + (c.entityId ? " (" + c.entityId + ")" : ""); }) },
        series: [{ type: "bar", data: rows.map(value) }]
      });
    }
    bars("chart-counterparties-count", data.byCount, function (c) { return c.count; }, "");
    bars("chart-counterparties-amount", data.byAmount, function (c) { return Number(c.amount); }, data.currency);
  }
});
