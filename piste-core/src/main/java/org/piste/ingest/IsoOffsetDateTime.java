package org.piste.ingest;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A fast path for the one date-time shape that canonical files repeat millions of times,
 * {@code 2024-03-05T23:41:07+01:00} (or {@code Z}). java.time's general parser allocates maps per call
 * and dominated import profiles; anything else falls back to it.
 */
final class IsoOffsetDateTime {
    private IsoOffsetDateTime() {}

    /** The value, or null when it is not exactly in that shape (the caller then uses the general parser). */
    static OffsetDateTime parseOrNull(String s) {
        int n = s.length();
        if ((n != 20 && n != 25) || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) return null;
        ZoneOffset offset;
        if (n == 20) {
            if (s.charAt(19) != 'Z') return null;
            offset = ZoneOffset.UTC;
        } else {
            char sign = s.charAt(19);
            int oh = digits(s, 20, 2), om = digits(s, 23, 2);
            if ((sign != '+' && sign != '-') || s.charAt(22) != ':' || (oh | om) < 0) return null;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign == '-' ? -oh : oh, sign == '-' ? -om : om);
            } catch (DateTimeException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset);
        } catch (DateTimeException invalid) {
            return null; // e.g. 2024-02-31: let the general parser produce the precise error
        }
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
