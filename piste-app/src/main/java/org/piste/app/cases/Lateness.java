package org.piste.app.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.piste.normal.Zones;

/**
 * The one rule for "late", used by the pages, the API, the console and the deadline view alike: an item sent and
 * not answered whose due date is before today, today being the date in Paris (where the procedure runs), so a
 * requisition or a request abroad due on the 5th becomes late at midnight in Paris, not at midnight UTC.
 */
public final class Lateness {
    /** Due from today to this many days after it (both included) is "due this week" on the deadline view. */
    public static final int SOON_DAYS = 7;

    private Lateness() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(Zones.PARIS));
    }

    /** {@code status}: the stored status of the item (SENT is the only one that can be late). */
    public static boolean isLate(String status, Optional<LocalDate> dueOn, LocalDate today) {
        return status.equals("SENT") && dueOn.isPresent() && dueOn.get().isBefore(today);
    }

    /** Not late, and due within {@link #SOON_DAYS} days. */
    public static boolean isDueSoon(String status, Optional<LocalDate> dueOn, LocalDate today) {
        return status.equals("SENT") && dueOn.isPresent() && !dueOn.get().isBefore(today)
                && !dueOn.get().isAfter(today.plusDays(SOON_DAYS));
    }
}
