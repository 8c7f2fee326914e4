// Network page: numbers, dates and transfer times as the page's language writes them (French: 1 234,50 and
// 20/10/2023; English: 1,234.50 and 2023-10-20), from the decimal strings and ISO dates of the network's JSON.
// Patterns and sentences come from the bundles (data-* of #network-texts), so the page agrees with the transfer page.
(function () {
  "use strict";
  var texts = document.getElementById("network-texts");
  if (!texts) return;
  var t = texts.dataset;
  var lang = document.documentElement.lang || "fr";
  var decimalMark = new Intl.NumberFormat(lang).formatToParts(1.5)
    .filter(function (p) { return p.type === "decimal"; }).map(function (p) { return p.value; })[0] || ".";

  function fill(template) {
    var args = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d+)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }

  // A decimal string ("1234.5") grouped in the page's language; no floating point, so no cent is lost.
  function amount(text) {
    var m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text));
    if (!m) return String(text);
    var whole = BigInt(m[2]).toLocaleString(lang);
    return m[1] + whole + (m[3] !== undefined ? decimalMark + m[3] : "");
  }

  function money(list) {
    return (list || []).map(function (a) { return amount(a.amount) + " " + a.currency; }).join(" ; ");
  }

  function score(x) {
    return Number(x).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  }

  // The bundle's date pattern (transfers.dateFormat) with dd, MM, yyyy, HH, mm and 'quoted' words.
  function pattern(p, parts) {
    return p.replace(/'([^']*)'|yyyy|MM|dd|HH|mm/g, function (token, quoted) {
      if (quoted !== undefined) return quoted;
      return parts[token];
    });
  }

  function datePattern() {
    return t.dateFormat.replace(/\s*('[^']*'\s*)?HH:mm.*$/, "");
  }

  // An ISO date (the sender's local date) as the page writes dates.
  function date(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso));
    return m ? pattern(datePattern(), { yyyy: m[1], MM: m[2], dd: m[3] }) : String(iso);
  }

  function parisParts(instant) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant)
      .forEach(function (p) { parts[p.type] = p.value; });
    return { yyyy: parts.year, MM: parts.month, dd: parts.day, HH: parts.hour, mm: parts.minute };
  }

  // A transfer's time where it was sent, its zone named, and the Paris time beside it (transfers.moment).
  function moment(sentAt, zone) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(String(sentAt));
    if (!m) return String(sentAt);
    var local = pattern(t.dateFormat, { yyyy: m[1], MM: m[2], dd: m[3], HH: m[4], mm: m[5] });
    return fill(t.moment, local, zone, pattern(t.dateFormat, parisParts(new Date(sentAt))));
  }

  window.pisteNetworkFormat = { fill: fill, amount: amount, money: money, score: score, date: date, moment: moment };
})();
