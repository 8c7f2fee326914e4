// Network page, table view: the same nodes and flows as the graph (read from the graph itself after each
// expansion), each entity named with its number and side and linked to its page, so the network can be read
// without the canvas. The "Graphe / Tableau" buttons switch views.
(function () {
  "use strict";
  var graph = document.getElementById("network-graph");
  var net = window.pisteNetwork;
  if (!graph || !net) return;
  var cy = net.cy;
  var cfg = graph.dataset;
  var t = document.getElementById("network-texts").dataset;
  var f = window.pisteNetworkFormat;

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function cell(row, text, cls) {
    row.appendChild(el("td", text, cls ? { "class": cls } : {}));
  }

  // The entity's name linked to its page, with its number and side.
  function entityCell(row, id) {
    var td = el("td");
    var n = cy.getElementById(id).data("node");
    td.appendChild(el("a", n ? n.label : id, { href: cfg.entityUrl + encodeURIComponent(id), "class": "entity-link" }));
    if (n) td.appendChild(el("span", " (" + net.idWords(n) + ")", { "class": "muted" }));
    row.appendChild(td);
  }

  function detailsButton(row, label, open) {
    var td = el("td");
    var b = el("button", t.details, { type: "button", "class": "secondary details", "aria-label": label });
    b.addEventListener("click", function () {
      open();
      document.getElementById("network-details-title").focus();
    });
    td.appendChild(b);
    row.appendChild(td);
  }

  function render() {
    var nodes = document.querySelector("#network-nodes-table tbody");
    nodes.replaceChildren();
    cy.nodes(".entity").forEach(function (node) {
      var n = node.data("node");
      var row = el("tr", null, { "data-entity": n.id });
      var name = el("td");
      name.appendChild(el("a", n.label, { href: cfg.entityUrl + encodeURIComponent(n.id), "class": "entity-link" }));
      if (n.id === net.center) name.appendChild(el("span", " (" + t.centre + ")", { "class": "muted" }));
      row.appendChild(name);
      cell(row, n.id);
      cell(row, net.sideWords(n));
      cell(row, f.score(n.score), "num");
      cell(row, net.status(n));
      detailsButton(row, f.fill(t.detailsOf, n.label), function () { net.openNode(node); });
      nodes.appendChild(row);
    });
    var edges = document.querySelector("#network-edges-table tbody");
    edges.replaceChildren();
    cy.edges().not(".more-link").forEach(function (edge) {
      var e = edge.data("edge");
      var row = el("tr", null, { "data-flow": e.id });
      entityCell(row, e.source);
      entityCell(row, e.target);
      cell(row, String(e.transfers), "num");
      cell(row, f.money(e.totals), "num");
      cell(row, f.date(e.first));
      cell(row, f.date(e.last));
      var from = cy.getElementById(e.source).data("node"), to = cy.getElementById(e.target).data("node");
      detailsButton(row, f.fill(t.detailsOf, f.fill(t.flowTitle, from ? from.label : e.source, to ? to.label : e.target)),
        function () { net.openEdge(edge); });
      edges.appendChild(row);
    });
  }

  function show(table) {
    document.getElementById("network-graph-view").hidden = table;
    document.getElementById("network-table-view").hidden = !table;
    document.getElementById("network-show-graph").setAttribute("aria-pressed", String(!table));
    document.getElementById("network-show-table").setAttribute("aria-pressed", String(table));
    if (!table) { cy.resize(); cy.fit(undefined, 30); }
  }

  document.getElementById("network-show-graph").addEventListener("click", function () { show(false); });
  document.getElementById("network-show-table").addEventListener("click", function () { show(true); });
  graph.addEventListener("piste:network-changed", render);
})();
