// Draws the entity page's charts with ECharts from the page's own JSON endpoint (data-charts-url); no inline
// script (CSP). Amounts arrive as decimal numbers in their currency; nothing is converted between currencies.
// Numbers are written in the page's language (data-locale: "25 000,5" on French pages, "25,000.5" on English
// ones), legends and axis titles come from the page's bundle (data-legend-*, data-axis-*). The server sends every
// month from the first to the last (empty ones at 0), so the month axis is continuous as received.
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("charts");
  if (!box || typeof echarts === "undefined") return;
  var words = box.dataset;
  var numbers = new Intl.NumberFormat(words.locale || document.documentElement.lang || undefined, { maximumFractionDigits: 2 });
  function num(v) { return numbers.format(Number(v)); }
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
    var tipBox = document.createElement("div");
    if (list.length) {
      var head = document.createElement("div");
      head.className = "chart-tip-axis";
      // The counterparty charts keep the full name here; their axis shows it cut short.
      var full = list[0].data && list[0].data.fullName;
      head.textContent = full || list[0].axisValueLabel || list[0].name || "";
      tipBox.appendChild(head);
    }
    list.forEach(function (p) {
      var line = document.createElement("div");
      var marker = document.createElement("span");
      marker.className = "chart-tip-marker";
      if (typeof p.color === "string") marker.style.backgroundColor = p.color;
      line.appendChild(marker);
      var value = p.data && typeof p.data === "object" && "value" in p.data ? p.data.value
          : Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
      line.appendChild(document.createTextNode((p.seriesName ? p.seriesName + " : " : "") + num(value)));
      tipBox.appendChild(line);
    });
    return tipBox;
  }

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) return;
    var c = echarts.init(el);
    c.setOption(option);
    el.dataset.rendered = "true";
    window.addEventListener("resize", function () { c.resize(); });
  }

  function valueAxis(name, extra) {
    var axis = { type: "value", name: name, nameLocation: "middle", nameGap: 45, axisLabel: { formatter: num } };
    Object.keys(extra || {}).forEach(function (k) { axis[k] = extra[k]; });
    return axis;
  }

  // "Envoyé (EUR)" / "Sent (EUR)": the direction in the page's words, the currency as its ISO code.
  function legend(direction, currency) {
    return (direction === "SENT" ? words.legendSent : words.legendReceived) + " (" + currency + ")";
  }

  // "2024-01" as the page's language writes a month ("janv. 2024" / "Jan 2024").
  var monthFormat = new Intl.DateTimeFormat(words.locale || undefined, { month: "short", year: "numeric", timeZone: "UTC" });
  function monthName(ym) {
    var p = String(ym).split("-");
    return p.length === 2 ? monthFormat.format(new Date(Date.UTC(Number(p[0]), Number(p[1]) - 1, 1))) : String(ym);
  }

  function cut(name, max) {
    return name.length > max ? name.slice(0, max - 1) + "\u2026" : name;
  }

  function draw(data) {
    var months = [];
    var series = {};
    data.months.forEach(function (m) {
      if (months.indexOf(m.month) < 0) months.push(m.month);
    });
    data.months.forEach(function (m) {
      var key = legend(m.direction, m.currency);
      if (!series[key]) series[key] = months.map(function () { return 0; });
      series[key][months.indexOf(m.month)] = Number(m.amount);
    });
    chart("chart-months", {
      tooltip: tooltip, legend: { top: 0 }, grid: { left: 70, top: 40 },
      xAxis: { type: "category", data: months, name: words.axisMonth, nameLocation: "middle", nameGap: 28,
        axisLabel: { formatter: monthName } },
      yAxis: valueAxis(words.axisAmount, { nameGap: 58 }),
      series: Object.keys(series).map(function (k) { return { name: k, type: "bar", data: series[k] }; })
    });
    var hoursBox = document.getElementById("chart-hours");
    chart("chart-hours", {
      tooltip: tooltip, legend: { top: 0 }, grid: { left: 60, top: 40 },
      xAxis: { type: "category", name: words.axisHour, nameLocation: "middle", nameGap: 28,
        data: data.hours.map(function (h) { return String(h.hour).padStart(2, "0") + "h"; }) },
      yAxis: valueAxis(words.axisCount, { minInterval: 1, nameGap: 40 }),
      series: [
        { name: hoursBox ? hoursBox.dataset.sent : "sent", type: "bar", stack: "h", data: data.hours.map(function (h) { return h.sent; }) },
        { name: hoursBox ? hoursBox.dataset.received : "received", type: "bar", stack: "h", data: data.hours.map(function (h) { return h.received; }) }
      ]
    });
    // Horizontal bars with room on the left for names cut at 24 characters; the tooltip has the name in full.
    function bars(id, list, value, axisName) {
      var rows = list.slice().reverse();
      var names = rows.map(function (c) { return c.name + (c.entityId ? " (" + c.entityId + ")" : ""); });
      chart(id, {
        tooltip: tooltip, grid: { left: 190, right: 30, top: 20, bottom: 50 },
        xAxis: valueAxis(axisName, { nameGap: 30 }),
        yAxis: { type: "category", data: names, axisLabel: { formatter: function (n) { return cut(n, 24); } } },
        series: [{ name: axisName, type: "bar", data: rows.map(function (c, i) { return { value: value(c), fullName: names[i] }; }) }]
      });
    }
    bars("chart-counterparties-count", data.byCount, function (c) { return c.count; }, words.axisCount);
    bars("chart-counterparties-amount", data.byAmount, function (c) { return Number(c.amount); },
        words.axisAmount + " (" + data.currency + ")");
  }
});
