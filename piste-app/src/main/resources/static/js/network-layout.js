// Network page layout: Cytoscape's fcose (WebJars cytoscape-fcose) with node sizes that include the labels, or
// the built-in cose when fcose is missing; then any two nodes whose boxes (shape and label) still overlap are moved
// apart, so no label hides another.
(function () {
  "use strict";

  // Moves apart any two nodes whose boxes (shape and label) still overlap after the layout, along the axis where
  // they overlap least; a few passes settle a page of neighbours.
  function separate(cy) {
    var GAP = 6;
    var nodes = cy.nodes();
    var boxes = nodes.map(function (n) { return n.boundingBox({ includeLabels: true, includeOverlays: false }); });
    for (var pass = 0; pass < 200; pass++) {
      var moved = false;
      for (var i = 0; i < boxes.length; i++) {
        for (var j = i + 1; j < boxes.length; j++) {
          var a = boxes[i], b = boxes[j];
          var ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + GAP;
          var oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + GAP;
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          var dx = 0, dy = 0;
          if (ox < oy) dx = ((a.x1 + a.x2) <= (b.x1 + b.x2) ? -1 : 1) * ox / 2;
          else dy = ((a.y1 + a.y2) <= (b.y1 + b.y2) ? -1 : 1) * oy / 2;
          shift(nodes[i], a, dx, dy);
          shift(nodes[j], b, -dx, -dy);
        }
      }
      if (!moved) break;
    }
  }

  function shift(node, box, dx, dy) {
    var p = node.position();
    node.position({ x: p.x + dx, y: p.y + dy });
    box.x1 += dx; box.x2 += dx; box.y1 += dy; box.y2 += dy;
  }

  window.pisteNetworkLayout = function (cy, first) {
    var fcose = typeof cytoscapeFcose === "function";
    cy.layout(fcose ? { name: "fcose", animate: false, randomize: first, quality: "proof", fit: false,
        nodeDimensionsIncludeLabels: true, nodeRepulsion: 9000, idealEdgeLength: 110, nodeSeparation: 90,
        numIter: 2500, packComponents: true }
      : { name: "cose", animate: false, randomize: first, fit: false, nodeDimensionsIncludeLabels: true,
        nodeRepulsion: function () { return 400000; }, idealEdgeLength: function () { return 140; } }).run();
    separate(cy);
    cy.fit(undefined, 30);
  };
})();
