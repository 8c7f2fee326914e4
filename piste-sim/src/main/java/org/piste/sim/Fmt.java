package org.piste.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Exact text for amounts and times, without floating point or formatter objects on the hot path. */
final class Fmt {
    private Fmt() {}

    /** 4550 -> "45.50" (point) or "45,50" (comma); with grouping, 123456 -> "1.234,56". */
    static String cents(long cents, char decimal, char grouping) {
        StringBuilder b = new StringBuilder(12);
        if (cents < 0) {
            b.append('-');
            cents = -cents;
        }
        String whole = Long.toString(cents / 100);
        if (grouping != 0) {
            int first = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
            b.append(whole, 0, first);
            for (int i = first; i < whole.length(); i += 3) b.append(grouping).append(whole, i, i + 3);
        } else {
            b.append(whole);
        }
        long frac = cents % 100;
        return b.append(decimal).append((char) ('0' + frac / 10)).append((char) ('0' + frac % 10)).toString();
    }

    /** A rate in 1/10,000: 612345 -> "61.2345". */
    static String rate(long rate4, char decimal) {
        String frac = Long.toString(10_000 + rate4 % 10_000).substring(1);
        return (rate4 / 10_000) + String.valueOf(decimal) + frac;
    }

    /** ISO-8601 with the zone's offset at that instant: 2024-03-05T23:41:07+01:00. */
    static String isoOffset(Instant instant, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(instant);
        LocalDateTime t = LocalDateTime.ofInstant(instant, offset);
        StringBuilder b = new StringBuilder(25);
        isoDate(b, t.toLocalDate()).append('T');
        time(b, t);
        int s = offset.getTotalSeconds();
        b.append(s < 0 ? '-' : '+');
        s = Math.abs(s);
        two(b, s / 3600).append(':');
        return two(b, s / 60 % 60).toString();
    }

    static String isoDate(LocalDate d) {
        return isoDate(new StringBuilder(10), d).toString();
    }

    private static StringBuilder isoDate(StringBuilder b, LocalDate d) {
        b.append(d.getYear()).append('-');
        two(b, d.getMonthValue()).append('-');
        return two(b, d.getDayOfMonth());
    }

    /** 05/03/2024. */
    static String frenchDate(LocalDate d) {
        StringBuilder b = new StringBuilder(10);
        two(b, d.getDayOfMonth()).append('/');
        two(b, d.getMonthValue()).append('/');
        return b.append(d.getYear()).toString();
    }

    /** 23:41:07. */
    static String time(LocalDateTime t) {
        return time(new StringBuilder(8), t).toString();
    }

    private static StringBuilder time(StringBuilder b, LocalDateTime t) {
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        return two(b, t.getSecond());
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
