// Network page: a Cytoscape graph around one entity. Clicking a node expands it (one page of neighbours at a
// time, hubs capped, "N more" continues); the side panel shows a node's or an edge's details with provenance.
// No inline script or style (CSP): configuration and texts come from data-* attributes; text is set with
// textContent only, so names from the data can never become markup.
(function () {
  "use strict";
  var graph = document.getElementById("network-graph");
  if (!graph || typeof cytoscape !== "function") return;
  var cfg = graph.dataset;
  var t = document.getElementById("network-texts").dataset;
  var expanded = {};        // entity id -> true once its first page is loaded
  var more = {};            // entity id -> {remaining, nextPage}
  var selected = null;
  var maxScore = 1;

  var cy = cytoscape({
    container: graph,
    style: [
      { selector: "node.entity", style: {
          "label": "data(caption)", "font-size": 10, "text-wrap": "wrap", "text-valign": "bottom",
          "width": "data(size)", "height": "data(size)", "background-color": "data(colour)",
          "border-width": 1, "border-color": "#445" } },
      { selector: "node.seed", style: { "border-width": 5, "border-color": "#111" } },
      { selector: "node.center", style: { "shape": "round-rectangle" } },
      { selector: "node.more", style: {
          "label": "data(caption)", "shape": "round-tag", "background-color": "#dde3ea", "font-size": 10,
          "text-valign": "center", "width": 70, "height": 24 } },
      { selector: "node:selected", style: { "overlay-color": "#0b5cad", "overlay-opacity": 0.2 } },
      { selector: "edge", style: {
          "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "#8a96a3",
          "target-arrow-color": "#8a96a3", "width": "data(width)", "label": "data(caption)", "font-size": 8,
          "text-rotation": "autorotate", "color": "#445" } },
      { selector: "edge.family", style: { "line-style": "dashed" } },
      { selector: "edge.more-link", style: { "line-style": "dotted", "target-arrow-shape": "none", "width": 1 } },
      { selector: "edge:selected", style: { "line-color": "#0b5cad", "target-arrow-color": "#0b5cad" } }
    ]
  });

  function fmt(template) {
    var args = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d+)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }

  function query(params) {
    var q = new URLSearchParams();
    Object.keys(params).forEach(function (k) {
      if (params[k] !== undefined && params[k] !== null && params[k] !== "") q.set(k, params[k]);
    });
    return q.toString();
  }

  function colour(score) {
    // green (0) to red (highest score shown), through amber
    var x = Math.max(0, Math.min(1, score / maxScore));
    var hue = Math.round(120 * (1 - x));
    return "hsl(" + hue + ", 70%, 45%)";
  }

  function restyle() {
    cy.nodes(".entity").forEach(function (n) {
      var s = n.data("score");
      n.data("colour", colour(s));
      n.data("size", 22 + 38 * Math.max(0, Math.min(1, s / maxScore)));
    });
  }

  function totals(list) {
    return (list || []).map(function (a) { return a.amount + " " + a.currency; }).join(", ");
  }

  function addNode(node, isCenter) {
    maxScore = Math.max(maxScore, node.score);
    var existing = cy.getElementById(node.id);
    if (existing.nonempty()) return existing;
    var caption = node.label + "\n" + node.score.toFixed(1);
    var classes = "entity" + (node.seed ? " seed" : "") + (isCenter ? " center" : "");
    return cy.add({ group: "nodes", data: { id: node.id, caption: caption, score: node.score, node: node,
      colour: colour(node.score), size: 30 }, classes: classes });
  }

  function addEdge(edge) {
    if (cy.getElementById(edge.id).nonempty()) return;
    cy.add({ group: "edges", data: { id: edge.id, source: edge.source, target: edge.target, edge: edge,
      width: Math.min(8, 1 + Math.log(edge.transfers)), caption: edge.transfers + " · " + totals(edge.totals) },
      classes: edge.family ? "family" : "" });
  }

  function setMore(center, m) {
    var id = "more:" + center;
    cy.getElementById(id).remove();
    if (m.remaining > 0 && m.nextPage !== null) {
      more[center] = m;
      cy.add({ group: "nodes", data: { id: id, moreFor: center, caption: fmt(t.more, m.remaining) }, classes: "more" });
      cy.add({ group: "edges", data: { id: id + ":link", source: center, target: id, width: 1, caption: "" },
        classes: "more-link" });
    } else {
      delete more[center];
    }
    updateMoreButton();
  }

  function expand(entity, page) {
    status(t.loading);
    var url = cfg.expandUrl + "?" + query({ entity: entity, from: cfg.from, to: cfg.to, minAmount: cfg.minAmount,
      minScore: cfg.minScore, size: cfg.size, sort: cfg.sort, page: page });
    return fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body.error || r.status);
          return body;
        });
      })
      .then(function (x) {
        x.nodes.forEach(function (n) { addNode(n, n.id === cfg.center); });
        x.edges.forEach(addEdge);
        expanded[x.center] = true;
        setMore(x.center, x.more);
        restyle();
        cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; } }).run();
        updateExport();
        status("");
        // For browser tests and the curious: what is shown, and that loading finished.
        graph.dataset.nodes = cy.nodes(".entity").map(function (n) { return n.id(); }).join(",");
        graph.dataset.ready = "true";
      })
      .catch(function (e) { status(t.failed + " " + e.message); });
  }

  function status(text) {
    var s = document.getElementById("network-summary");
    var shown = fmt(t.summary, cy.nodes(".entity").length, cy.edges().not(".more-link").length);
    s.textContent = text ? text : shown;
  }

  // The export is a GET (a link to download): past about 7,000 characters the server refuses the address, so a
  // view that large asks to be narrowed with the filters first.
  var MAX_URL = 7000;

  function updateExport() {
    var ids = cy.nodes(".entity").map(function (n) { return n.id(); });
    var url = cfg.exportUrl + "?" + query({ entities: ids.join(","), from: cfg.from, to: cfg.to, minAmount: cfg.minAmount });
    var link = document.getElementById("network-export");
    var tooBig = document.getElementById("network-export-too-big");
    link.hidden = url.length > MAX_URL;
    tooBig.hidden = !link.hidden;
    link.href = url;
  }

  function updateMoreButton() {
    var button = document.getElementById("network-more");
    var target = selected && selected.isNode() && more[selected.id()] ? selected.id() : (more[cfg.center] ? cfg.center : null);
    button.hidden = target === null;
    button.dataset.entity = target || "";
  }

  // --- side panel ---
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function facts(pairs) {
    var dl = el("dl");
    pairs.forEach(function (p) { dl.appendChild(el("dt", p[0])); dl.appendChild(el("dd", p[1])); });
    return dl;
  }

  function showNode(node) {
    var n = node.data("node");
    var body = document.getElementById("network-details-body");
    document.getElementById("network-details-title").textContent = n.label;
    body.replaceChildren();
    var pairs = [[t.entityNumber, n.id], [t.records, String(n.records)]];
    n.scores.forEach(function (s) {
      pairs.push([t.score + " (" + (s.side === "SENDER" ? t.sideSender : t.sideRecipient) + ")",
        s.score.toFixed(2) + " (#" + s.rank + ")"]);
    });
    if (n.scores.length === 0) pairs.push([t.score, "0"]);
    if (n.seed) pairs.push([t.seed, n.seed.split(",").map(function (r) {
      return t["role" + r.charAt(0) + r.slice(1).toLowerCase()] || r;
    }).join(", ")]);
    body.appendChild(facts(pairs));
    var link = el("a", t.openEntity, { id: "network-entity-link", href: cfg.entityUrl + encodeURIComponent(n.id) });
    body.appendChild(link);
  }

  function showEdge(edge) {
    var e = edge.data("edge");
    var body = document.getElementById("network-details-body");
    var source = cy.getElementById(e.source).data("node");
    var target = cy.getElementById(e.target).data("node");
    document.getElementById("network-details-title").textContent =
      (source ? source.label : e.source) + " → " + (target ? target.label : e.target);
    body.replaceChildren();
    body.appendChild(facts([[t.transfers, String(e.transfers)], [t.sent, totals(e.totals)], [t.paid, totals(e.paidTotals)],
      [t.first, e.first], [t.last, e.last], [t.family, e.family ? t.yes : t.no]]));
    body.appendChild(el("h3", t.references));
    var table = el("table", null, { id: "network-edge-transfers" });
    var head = el("tr");
    [t.reference, t.date, t.amount, t.paid, t.status, t.source].forEach(function (h) { head.appendChild(el("th", h)); });
    table.appendChild(head);
    e.references.forEach(function (r) {
      var row = el("tr");
      row.appendChild(el("td", r.reference));
      row.appendChild(el("td", r.date));
      row.appendChild(el("td", r.amount + " " + r.currency, { "class": "num" }));
      row.appendChild(el("td", r.paidAmount ? r.paidAmount + " " + (r.paidCurrency || "") : "", { "class": "num" }));
      row.appendChild(el("td", r.status));
      row.appendChild(el("td", r.source.sha256.substring(0, 12) + "…:" + r.source.line, { title: r.source.sha256 }));
      table.appendChild(row);
    });
    body.appendChild(table);
  }

  cy.on("tap", "node.entity", function (evt) {
    selected = evt.target;
    showNode(selected);
    if (!expanded[selected.id()]) expand(selected.id(), 0);
    updateMoreButton();
  });
  cy.on("tap", "node.more", function (evt) {
    var center = evt.target.data("moreFor");
    if (more[center]) expand(center, more[center].nextPage);
  });
  cy.on("tap", "edge", function (evt) {
    if (evt.target.hasClass("more-link")) return;
    selected = evt.target;
    showEdge(selected);
    updateMoreButton();
  });
  document.getElementById("network-more").addEventListener("click", function (evt) {
    var entity = evt.currentTarget.dataset.entity;
    if (entity && more[entity]) expand(entity, more[entity].nextPage);
  });
  document.getElementById("network-fit").addEventListener("click", function () { cy.fit(undefined, 30); });

  // Browser tests select nodes through this (a canvas has no elements to click): pisteNetwork.cy.$id(id).emit("tap").
  window.pisteNetwork = { cy: cy };

  expand(cfg.center, 0).then(function () {
    var c = cy.getElementById(cfg.center);
    if (c.nonempty()) { c.select(); selected = c; showNode(c); updateMoreButton(); }
  });
})();
