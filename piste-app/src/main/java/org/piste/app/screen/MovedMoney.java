package org.piste.app.screen;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.piste.model.TransferStatus;
import org.piste.screen.TransferFact;

/**
 * The SQL form (on transfer alias {@code t}) of screening's rule for transfers that moved money, derived from
 * {@link TransferFact#moved(TransferStatus)} so the pages' charts and networks count what screening counts.
 */
public final class MovedMoney {
    public static final String SQL = "t.status NOT IN (" + Arrays.stream(TransferStatus.values())
            .filter(s -> !TransferFact.moved(s)).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";

    private MovedMoney() {}
}
