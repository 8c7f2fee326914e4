package org.piste.screen;

import java.util.stream.Stream;

/** Lookups in a screening's result by entity id and indicator name, for tests. */
final class Results {
    private Results() {}

    static EntityScore entity(ScreeningResult r, String id) {
        return Stream.concat(r.senders().stream(), r.recipients().stream()).filter(e -> e.entityId().equals(id)).findFirst().orElseThrow();
    }

    static Contribution contribution(EntityScore e, String indicator) {
        return e.contributions().stream().filter(k -> k.indicator().equals(indicator)).findFirst().orElseThrow();
    }

    static double points(EntityScore e, String indicator) {
        return contribution(e, indicator).points();
    }
}
