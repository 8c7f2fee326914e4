package org.piste.sim;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.piste.ingest.RejectReason;

/** Malformed rows of the kinds real exports contain, each labelled with the reason the importer must give. */
final class BadRows {
    /** The kinds injected, with their relative frequency (assumption). */
    static final RejectReason[] KINDS = {RejectReason.WRONG_COLUMN_COUNT, RejectReason.UNPARSEABLE_DATE,
        RejectReason.NEGATIVE_AMOUNT, RejectReason.MISSING_VALUE, RejectReason.UNKNOWN_CURRENCY,
        RejectReason.UNPARSEABLE_AMOUNT, RejectReason.UNKNOWN_CODE, RejectReason.EMPTY_LINE};
    private static final double[] WEIGHTS = Draw.cumulative(25, 15, 10, 15, 10, 10, 5, 10);

    private BadRows() {}

    static RejectReason kind(SplittableRandom r) {
        return KINDS[Draw.weighted(r, WEIGHTS)];
    }

    /** The row damaged so that the importer rejects it for exactly this reason (not EMPTY_LINE). */
    static String[] damage(SplittableRandom r, RejectReason kind, String[] row, Layout layout, Txn t) {
        String[] f = row.clone();
        switch (kind) {
            case WRONG_COLUMN_COUNT -> {
                if (r.nextInt(4) == 0) {
                    // A stray separator inside an unquoted value: one column too many.
                    f = Arrays.copyOf(row, row.length + 1);
                    f[row.length] = "X";
                } else {
                    f = Arrays.copyOf(row, 5 + r.nextInt(row.length - 6)); // a truncated line
                }
            }
            case UNPARSEABLE_DATE -> f[layout.sendDateColumn()] = layout.badDate(r, t);
            case NEGATIVE_AMOUNT -> f[layout.sentAmountColumn()] = "-" + f[layout.sentAmountColumn()];
            case MISSING_VALUE -> {
                int[] required = {layout.referenceColumn(), layout.sendDateColumn(), layout.sentAmountColumn(),
                    layout.sentCurrencyColumn()};
                f[required[r.nextInt(required.length)]] = "";
            }
            case UNKNOWN_CURRENCY -> f[layout.sentCurrencyColumn()] = Draw.pick(r, new String[] {"EUX", "ERU", "UER"});
            case UNPARSEABLE_AMOUNT -> f[layout.sentAmountColumn()] = layout.badAmount(r, t.sentCents());
            case UNKNOWN_CODE -> f[layout.statusColumn()] = layout.badStatus(r);
            default -> throw new IllegalArgumentException("not a row damage: " + kind);
        }
        return f;
    }
}
