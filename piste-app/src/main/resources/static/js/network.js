// Network page: a Cytoscape graph around one entity. Selecting a node expands it (one page of neighbours at a
// time, hubs capped, "N more" continues); the side panel shows a node's or a flow's details with provenance.
// network-layout.js places the nodes with labels apart; the keyboard moves between nodes (network-keys.js);
// network-table.js shows the same nodes and flows as tables.
// No inline script or style (CSP): configuration and texts come from data-* attributes; text is set with
// textContent only, so names from the data can never become markup.
(function () {
  "use strict";
  var graph = document.getElementById("network-graph");
  if (!graph || typeof cytoscape !== "function") return;
  var cfg = graph.dataset;
  var t = document.getElementById("network-texts").dataset;
  var f = window.pisteNetworkFormat;
  var expanded = {};        // entity id -> true once its first page is loaded
  var more = {};            // entity id -> {remaining, nextPage}
  var selected = null;
  var maxScore = 1;
  var laidOut = false;

  var cy = cytoscape({
    container: graph,
    style: [
      { selector: "node.entity", style: {
          "label": "data(label)", "font-size": 11, "text-wrap": "ellipsis", "text-max-width": "170px",
          "text-valign": "bottom", "text-margin-y": 3, "text-background-color": "#fff", "text-background-opacity": 0.8,
          "width": "data(size)", "height": "data(size)", "background-color": "data(colour)",
          "border-width": 1, "border-color": "#445", "shape": "ellipse" } },
      { selector: "node.recipient", style: { "shape": "diamond" } },
      { selector: "node.both", style: { "shape": "hexagon" } },
      { selector: "node.seed", style: { "border-width": 5, "border-color": "#111" } },
      { selector: "node.referral", style: { "border-width": 5, "border-color": "#7b1fa2" } },
      { selector: "node.center", style: { "underlay-color": "#1f4e9a", "underlay-opacity": 0.3, "underlay-padding": 9,
          "underlay-shape": "ellipse" } },
      { selector: "node.more", style: {
          "label": "data(label)", "shape": "round-tag", "background-color": "#dde3ea", "font-size": 10,
          "text-valign": "center", "width": 70, "height": 24 } },
      { selector: "node:selected", style: { "overlay-color": "#0b5cad", "overlay-opacity": 0.2 } },
      { selector: "node.keyboard", style: { "overlay-color": "#f2a900", "overlay-opacity": 0.45, "overlay-padding": 8 } },
      { selector: "edge", style: {
          "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "#8a96a3",
          "target-arrow-color": "#8a96a3", "width": "data(width)", "font-size": 9, "text-rotation": "autorotate",
          "color": "#223", "text-background-color": "#fff", "text-background-opacity": 0.9 } },
      { selector: "edge.family", style: { "line-style": "dashed" } },
      { selector: "edge.more-link", style: { "line-style": "dotted", "target-arrow-shape": "none", "width": 1 } },
      { selector: "edge:selected", style: { "line-color": "#0b5cad", "target-arrow-color": "#0b5cad", "label": "data(caption)" } }
    ]
  });

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
    return "hsl(" + Math.round(120 * (1 - x)) + ", 70%, 45%)";
  }

  function restyle() {
    cy.nodes(".entity").forEach(function (n) {
      var s = n.data("score");
      n.data("colour", colour(s));
      n.data("size", 22 + 38 * Math.max(0, Math.min(1, s / maxScore)));
    });
  }

  // The side words of an entity: the sides it holds records on.
  function sideWords(n) {
    if (n.sides.length > 1) return t.sidesBoth;
    return n.sides[0] === "RECIPIENT" ? t.sideRecipient : t.sideSender;
  }

  // "n° 5637:S, expéditeur": an id never stands alone, since 5637:S and 5637:R are two people.
  function idWords(n) {
    return f.fill(t.entityId, n.id, sideWords(n));
  }

  function roles(n) {
    return n.seed.split(",").map(function (r) { return t["role" + r.charAt(0) + r.slice(1).toLowerCase()] || r; }).join(", ");
  }

  function status(n) {
    if (!n.seed) return t.none;
    return f.fill(n.referral ? t.seedReferral : t.seedConfirmed, roles(n));
  }

  function addNode(node, isCenter, near, index) {
    maxScore = Math.max(maxScore, node.score);
    var existing = cy.getElementById(node.id);
    if (existing.nonempty()) return existing;
    var classes = ["entity", node.sides.length > 1 ? "both" : (node.sides[0] === "RECIPIENT" ? "recipient" : "sender")];
    if (node.seed) classes.push(node.referral ? "referral" : "seed");
    if (isCenter) classes.push("center");
    // New neighbours start on a circle around the node they came from, so the layout refines rather than restarts.
    var angle = 2.399963 * index;
    var position = { x: near.x + 160 * Math.cos(angle), y: near.y + 160 * Math.sin(angle) };
    return cy.add({ group: "nodes", position: position, classes: classes.join(" "), data: { id: node.id,
      label: node.label, score: node.score, node: node, colour: colour(node.score), size: 30 } });
  }

  function addEdge(edge) {
    if (cy.getElementById(edge.id).nonempty()) return;
    cy.add({ group: "edges", data: { id: edge.id, source: edge.source, target: edge.target, edge: edge,
      width: Math.min(8, 1 + Math.log(edge.transfers)), caption: edge.transfers + " · " + f.money(edge.totals) },
      classes: edge.family ? "family" : "" });
  }

  function setMore(center, m) {
    var id = "more:" + center;
    cy.getElementById(id).remove();
    if (m.remaining > 0 && m.nextPage !== null) {
      more[center] = m;
      var at = cy.getElementById(center).position();
      cy.add({ group: "nodes", data: { id: id, moreFor: center, label: f.fill(t.more, m.remaining) }, classes: "more",
        position: { x: at.x + 40, y: at.y - 60 } });
      cy.add({ group: "edges", data: { id: id + ":link", source: center, target: id, width: 1, caption: "" },
        classes: "more-link" });
    } else {
      delete more[center];
    }
    updateMoreButton();
  }

  function layout() {
    window.pisteNetworkLayout(cy, !laidOut);
    laidOut = true;
  }

  function expand(entity, page) {
    showStatus(t.loading);
    var url = cfg.expandUrl + "?" + query({ entity: entity, from: cfg.from, to: cfg.to, minAmount: cfg.minAmount,
      minScore: cfg.minScore, size: cfg.size, sort: cfg.sort, page: page });
    return fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) {
        // The API's sentence is English, and a proxy's or sign-in page's answer is not JSON: the page names the
        // HTTP status only, checked before the body is read.
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      })
      .then(function (x) {
        var from = cy.getElementById(x.center);
        var near = from.nonempty() ? from.position() : { x: 0, y: 0 };
        x.nodes.forEach(function (n, i) { addNode(n, n.id === cfg.center, near, i); });
        x.edges.forEach(addEdge);
        expanded[x.center] = true;
        setMore(x.center, x.more);
        restyle();
        layout();
        updateExport();
        showStatus("");
        // For browser tests and the curious: what is shown, and that loading finished.
        graph.dataset.nodes = cy.nodes(".entity").map(function (n) { return n.id(); }).join(",");
        graph.dataset.ready = "true";
        graph.dispatchEvent(new CustomEvent("piste:network-changed"));
      })
      .catch(function (e) { showStatus(t.failed + " " + e.message); });
  }

  function showStatus(text) {
    var s = document.getElementById("network-summary");
    s.textContent = text ? text : f.fill(t.summary, cy.nodes(".entity").length, cy.edges().not(".more-link").length);
  }

  // The export is a GET (a link to download): past about 7,000 characters the server refuses the address, so a
  // view that large asks to be narrowed with the filters first.
  var MAX_URL = 7000;

  function updateExport() {
    var ids = cy.nodes(".entity").map(function (n) { return n.id(); });
    var url = cfg.exportUrl + "?" + query({ entities: ids.join(","), from: cfg.from, to: cfg.to, minAmount: cfg.minAmount });
    var link = document.getElementById("network-export");
    link.hidden = url.length > MAX_URL;
    document.getElementById("network-export-too-big").hidden = !link.hidden;
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
    var pairs = [[t.number, idWords(n)], [t.records, String(n.records)]];
    n.scores.forEach(function (s) {
      pairs.push([t.score + " (" + (s.side === "SENDER" ? t.sideSender : t.sideRecipient) + ")",
        f.score(s.score) + " (#" + s.rank + ")"]);
    });
    if (n.scores.length === 0) pairs.push([t.score, f.score(0)]);
    if (n.seed) pairs.push([t.seed, status(n)]);
    body.appendChild(facts(pairs));
    body.appendChild(el("a", t.openEntity, { id: "network-entity-link", href: cfg.entityUrl + encodeURIComponent(n.id) }));
  }

  function nameOf(id) {
    var n = cy.getElementById(id).data("node");
    return n ? n.label + " (" + idWords(n) + ")" : id;
  }

  function showEdge(edge) {
    var e = edge.data("edge");
    var body = document.getElementById("network-details-body");
    document.getElementById("network-details-title").textContent = f.fill(t.flowTitle, nameOf(e.source), nameOf(e.target));
    body.replaceChildren();
    body.appendChild(facts([[t.transfers, String(e.transfers)], [t.sent, f.money(e.totals)], [t.paid, f.money(e.paidTotals)],
      [t.first, f.date(e.first)], [t.last, f.date(e.last)], [t.family, e.family ? t.yes : t.no]]));
    body.appendChild(el("h3", t.references));
    var table = el("table", null, { id: "network-edge-transfers" });
    var head = el("tr");
    [t.reference, t.date, t.amount, t.paid, t.status, t.source].forEach(function (h) { head.appendChild(el("th", h, { scope: "col" })); });
    table.appendChild(head);
    e.references.forEach(function (r) {
      var row = el("tr");
      var ref = el("td");
      ref.appendChild(el("a", r.reference, { href: cfg.transferUrl + r.id }));
      row.appendChild(ref);
      row.appendChild(el("td", f.moment(r.sentAt, r.zone)));
      row.appendChild(el("td", f.amount(r.amount) + " " + r.currency, { "class": "num" }));
      row.appendChild(el("td", r.paidAmount ? f.amount(r.paidAmount) + " " + (r.paidCurrency || "") : "", { "class": "num" }));
      row.appendChild(el("td", t["status" + r.status.charAt(0) + r.status.slice(1).toLowerCase()] || r.status));
      row.appendChild(el("td", r.source.sha256.substring(0, 12) + "…:" + r.source.line, { title: r.source.sha256 }));
      table.appendChild(row);
    });
    body.appendChild(table);
  }

  // What selecting a node does, by pointer, keyboard or the table: its details, and its neighbours once.
  function openNode(node) {
    if (node.hasClass("more")) {
      var center = node.data("moreFor");
      if (more[center]) expand(center, more[center].nextPage);
      return;
    }
    cy.elements().unselect();
    node.select();
    selected = node;
    showNode(node);
    if (!expanded[node.id()]) expand(node.id(), 0);
    updateMoreButton();
  }

  function openEdge(edge) {
    cy.elements().unselect();
    edge.select();
    selected = edge;
    showEdge(edge);
    updateMoreButton();
  }

  cy.on("tap", "node", function (evt) { openNode(evt.target); });
  cy.on("tap", "edge", function (evt) { if (!evt.target.hasClass("more-link")) openEdge(evt.target); });
  // The full name and the side, since a label may be cut short.
  cy.on("mouseover", "node.entity", function (evt) {
    var n = evt.target.data("node");
    graph.title = n.label + " (" + idWords(n) + ")";
  });
  cy.on("mouseout", "node", function () { graph.title = ""; });
  document.getElementById("network-more").addEventListener("click", function (evt) {
    var entity = evt.currentTarget.dataset.entity;
    if (entity && more[entity]) expand(entity, more[entity].nextPage);
  });
  document.getElementById("network-fit").addEventListener("click", function () { cy.fit(undefined, 30); });

  // Browser tests select nodes through cy (a canvas has no elements to click); the table and the keyboard through
  // the rest.
  window.pisteNetwork = { cy: cy, center: cfg.center, openNode: openNode, openEdge: openEdge, idWords: idWords,
    status: status, sideWords: sideWords };

  expand(cfg.center, 0).then(function () {
    var c = cy.getElementById(cfg.center);
    if (c.nonempty()) { c.select(); selected = c; showNode(c); updateMoreButton(); }
  });
})();
