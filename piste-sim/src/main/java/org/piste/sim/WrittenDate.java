package org.piste.sim;

import java.time.LocalDate;

/**
 * A date as a row writes it: year, month and day as typed, which need not form a real date (a transposed day
 * and month, a changed digit) and may be a placeholder such as 0001-01-01.
 */
record WrittenDate(int year, int month, int day) {
    static WrittenDate of(LocalDate d) {
        return new WrittenDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /** 1985-03-25; the year always has four digits (0001-01-01). */
    String iso() {
        return year4() + "-" + two(month) + "-" + two(day);
    }

    /** 25/03/1985. */
    String french() {
        return two(day) + "/" + two(month) + "/" + year4();
    }

    private String year4() {
        String y = Integer.toString(year);
        return y.length() >= 4 ? y : "0000".substring(y.length()) + y;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
