package org.piste.sim;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.piste.model.Channel;

/** Hours of the day in the sender's zone (Europe/Paris local time) and agency opening hours. */
final class Clock {
    private Clock() {}

    /** Hour-of-day profiles, as weights over hours 0..23. */
    enum Hours {
        /** 22:00-06:00 (Philippine daytime). */
        NIGHT(w(22, 6, 8, 1, 0)),
        EVENING(w(18, 24, 8, 2, 0.3)),
        DAY(w(9, 18, 6, 1, 0.1)),
        ANY(w(7, 24, 4, 2, 0.4));

        final double[] cumulative;

        Hours(double[] weights) {
            this.cumulative = Draw.cumulative(weights);
        }

        private static double[] w(int from, int to, double in, double shoulder, double night) {
            double[] w = new double[24];
            for (int h = 0; h < 24; h++) {
                boolean inside = from < to ? h >= from && h < to : h >= from || h < to;
                boolean nightHour = h < 6 || h >= 23;
                w[h] = inside ? in : (nightHour ? night : shoulder);
            }
            return w;
        }
    }

    /** A local send time on a day; agency transfers fall within opening hours, Monday to Saturday. */
    static LocalDateTime at(SplittableRandom r, LocalDate day, Channel channel, Hours hours, SimConfig.Operations ops) {
        int hour;
        if (channel == Channel.AGENCY) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) day = day.plusDays(r.nextBoolean() ? 1 : -1);
            hour = ops.agencyOpenHour() + r.nextInt(ops.agencyCloseHour() - ops.agencyOpenHour());
        } else {
            hour = Draw.weighted(r, hours.cumulative);
        }
        return day.atTime(hour, r.nextInt(60), r.nextInt(60));
    }

    /** Night hours for a share of transfers, else the given daytime profile. */
    static Hours nightOr(SplittableRandom r, double nightShare, Hours otherwise) {
        return Draw.chance(r, nightShare) ? Hours.NIGHT : otherwise;
    }

    static boolean isNight(int hour) {
        return hour >= 22 || hour < 6;
    }
}
