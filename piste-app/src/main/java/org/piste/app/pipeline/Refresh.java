package org.piste.app.pipeline;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.piste.app.alerts.Seeds;
import org.piste.app.resolve.ResolutionService;
import org.piste.app.screen.ScreeningService;
import org.piste.app.store.Database;
import org.piste.screen.RuleSet;
import org.piste.screen.Screener;

/**
 * What runs after anything changes what is known (an import, an analyst decision, a referral): incremental
 * resolution, then screening again. The CLI and the web both call it; one refresh at a time per process, so a
 * decision taken while an import refreshes waits instead of racing it.
 */
public final class Refresh {
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    private Refresh() {}

    /** What the refresh did; a failure is a warning (the change itself is stored) with the command that finishes it. */
    public record Outcome(Optional<ResolutionService.Summary> resolution, Optional<ScreeningService.Run> screening,
            Optional<String> warning) {}

    public static Outcome afterChange(Database database) {
        ONE_AT_A_TIME.lock();
        try {
            Optional<ResolutionService.Summary> resolution;
            try {
                resolution = new ResolutionService(database).run(ResolutionService.Mode.INCREMENTAL);
            } catch (RuntimeException e) {
                return new Outcome(Optional.empty(), Optional.empty(), Optional.of("the change is stored, but entity"
                        + " resolution failed (" + e.getMessage() + "); run 'piste resolve' again"));
            }
            if (resolution.isEmpty()) return new Outcome(resolution, Optional.empty(), Optional.empty());
            try {
                return new Outcome(resolution, Optional.of(screen(database, Optional.empty(), Optional.empty(),
                        RuleSet.builtIn())), Optional.empty());
            } catch (RuntimeException e) {
                return new Outcome(resolution, Optional.empty(), Optional.of("screening failed (" + e.getMessage()
                        + "); run 'piste screen' again"));
            }
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    /** Screens the period with the rule set, seeded by every confirmed entity (referrals, confirmed alerts). */
    public static ScreeningService.Run screen(Database database, Optional<LocalDate> from, Optional<LocalDate> to,
            RuleSet rules) {
        Map<String, String> seeds = Seeds.all(database); // referrals' and analysts' confirmed entities seed the network
        Map<String, java.util.Set<String>> dismissed;
        try (java.sql.Connection c = database.connect()) {
            dismissed = Seeds.dismissed(c);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read dismissed alerts: " + e.getMessage(), e);
        }
        return new ScreeningService(database, new Screener(rules)).screen(from, to, seeds, dismissed);
    }
}
