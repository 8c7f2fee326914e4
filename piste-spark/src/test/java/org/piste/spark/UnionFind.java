package org.piste.spark;

import java.util.HashMap;
import java.util.Map;

/** The reference the distributed components are checked against: a plain union-find, each node's component's smallest. */
final class UnionFind {
    private final Map<String, String> parent = new HashMap<>();
    private final ConnectedComponents.Order order;

    UnionFind(ConnectedComponents.Order order) {
        this.order = order;
    }

    String find(String x) {
        parent.putIfAbsent(x, x);
        String p = parent.get(x);
        if (p.equals(x)) return x;
        String root = find(p);
        parent.put(x, root);
        return root;
    }

    void union(String a, String b) {
        String ra = find(a), rb = find(b);
        if (ra.equals(rb)) return;
        if (order.compare(ra, rb) < 0) parent.put(rb, ra);
        else parent.put(ra, rb);
    }

    /** Every node seen with its component's smallest node (roots are always the smaller: the smallest of each). */
    Map<String, String> smallestOf() {
        Map<String, String> out = new HashMap<>();
        for (String x : parent.keySet()) out.put(x, find(x));
        return out;
    }
}
