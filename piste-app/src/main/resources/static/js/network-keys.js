// Network page, keyboard: with the graph focused, the arrow keys move to the nearest node in that direction, Home
// back to the starting entity, Enter or Space opens the node (its details and its neighbours) as a click would.
// The node in hand is ringed (class "keyboard") and its name is announced (#network-focus, aria-live).
(function () {
  "use strict";
  var graph = document.getElementById("network-graph");
  var net = window.pisteNetwork;
  if (!graph || !net) return;
  var cy = net.cy;
  var t = document.getElementById("network-texts").dataset;
  var current = null;

  function announce(node) {
    var n = node.data("node");
    document.getElementById("network-focus").textContent = window.pisteNetworkFormat.fill(t.focused,
      n ? n.label + " (" + net.idWords(n) + ")" : node.data("label"));
  }

  function moveTo(node) {
    if (!node || node.empty()) return;
    if (current) current.removeClass("keyboard");
    current = node;
    node.addClass("keyboard");
    graph.dataset.keyboard = node.id();
    announce(node);
    var p = node.renderedPosition();
    if (p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height()) cy.center(node);
  }

  // The nearest node whose direction from here is within 45 degrees of the arrow's, weighting sideways drift; when
  // none is, the nearest anywhere on that side, so an arrow never does nothing while a node lies that way (the
  // layout is random: a neighbour may sit steeply above or below).
  function nearest(dx, dy) {
    var from = current.position();
    var best = null, bestCost = Infinity, side = null, sideCost = Infinity;
    cy.nodes().forEach(function (n) {
      if (n.same(current)) return;
      var p = n.position();
      var along = (p.x - from.x) * dx + (p.y - from.y) * dy;
      var across = Math.abs((p.x - from.x) * dy - (p.y - from.y) * dx);
      if (along <= 0) return;
      var cost = along + 2 * across;
      if (across <= along && cost < bestCost) { best = n; bestCost = cost; }
      if (cost < sideCost) { side = n; sideCost = cost; }
    });
    return best || side;
  }

  var ARROWS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

  graph.addEventListener("keydown", function (e) {
    if (!current || current.removed()) current = null;
    if (ARROWS[e.key]) {
      e.preventDefault();
      if (!current) { moveTo(cy.getElementById(net.center)); return; }
      var next = nearest(ARROWS[e.key][0], ARROWS[e.key][1]);
      if (next) moveTo(next);
    } else if (e.key === "Home") {
      e.preventDefault();
      moveTo(cy.getElementById(net.center));
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (!current) moveTo(cy.getElementById(net.center));
      if (current) net.openNode(current);
    }
  });
  graph.addEventListener("focus", function () {
    if (!current || current.removed()) moveTo(cy.$("node:selected").first().nonempty() ? cy.$("node:selected").first()
      : cy.getElementById(net.center));
  });
  graph.addEventListener("blur", function () { if (current) current.removeClass("keyboard"); });
  graph.addEventListener("focus", function () { if (current) current.addClass("keyboard"); });
})();
