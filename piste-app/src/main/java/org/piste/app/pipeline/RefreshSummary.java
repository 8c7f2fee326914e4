package org.piste.app.pipeline;

import java.util.Optional;

/**
 * What a refresh did, in the few numbers a page or an API answer shows (the full outcome holds every score).
 *
 * @param resolutionRun the resolution run, if one ran (none when no transfer is stored)
 * @param screeningRun  the screening run, if one ran
 * @param seeds         the confirmed entities (referrals, decisions) the screening started from
 * @param warning       why the refresh stopped short (the change itself is stored)
 */
public record RefreshSummary(Optional<Long> resolutionRun, long records, long entities, long links,
        Optional<Long> screeningRun, int senders, int recipients, int seeds, Optional<String> warning) {

    public static RefreshSummary of(Refresh.Outcome o) {
        var r = o.resolution();
        var s = o.screening();
        return new RefreshSummary(r.map(x -> x.runId()), r.map(x -> x.records()).orElse(0L),
                r.map(x -> x.entities()).orElse(0L), r.map(x -> x.links()).orElse(0L), s.map(x -> x.id()),
                s.map(x -> x.result().senders().size()).orElse(0), s.map(x -> x.result().recipients().size()).orElse(0),
                s.map(x -> x.seeds()).orElse(0), o.warning());
    }
}
