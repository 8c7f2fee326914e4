package org.piste.app.entities;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.piste.app.resolve.RecordSql;
import org.piste.app.store.Database;
import org.piste.model.Side;

/**
 * Summaries of an entity's transfers for charts. Amounts are the entity's side of the transfer: what it sent, or
 * what was paid out to it (the sent amount when no payout is recorded); cancelled and refunded transfers moved no
 * money and are left out. Hours are local to the sender (the transfer's send zone), in both directions. Months run
 * without a gap from the first to the last, empty ones at 0, so that a chart does not hide a pause in the payments.
 */
public final class EntityCharts {
    static final int TOP = 10;
    private final Database database;

    public EntityCharts(Database database) {
        this.database = database;
    }

    public record Month(String month, EntityTransfers.Direction direction, String currency, BigDecimal amount, long count) {}

    public record Hour(int hour, long sent, long received) {}

    public record Counterparty(Optional<String> entityId, String name, long count, BigDecimal amount) {}

    /**
     * @param currency the currency {@code byAmount} is summed in: the one most of the entity's transfers use
     */
    public record Charts(List<Month> months, List<Hour> hours, List<Counterparty> byCount, String currency,
            List<Counterparty> byAmount) {}

    private static final String MINE = "WITH mine AS (SELECT t.id, m.side, t.send_at AT TIME ZONE t.send_zone AS local_at, "
            + RecordSql.bySide("m.side", "t.sent_amount", "coalesce(t.paid_amount, t.sent_amount)") + " AS amount, "
            + RecordSql.bySide("m.side", "t.sent_currency", "coalesce(t.paid_currency, t.sent_currency)") + " AS currency, "
            + "cm.entity_id AS other, " + EntityNames.asWritten("cp") + " AS other_name"
            + EntityTransfers.FROM + " AND " + org.piste.app.screen.MovedMoney.SQL + ") ";

    public Charts charts(String entityId) {
        try (Connection c = database.connect()) {
            List<Month> months = new ArrayList<>();
            query(c, MINE + "SELECT to_char(local_at, 'YYYY-MM'), side, currency, sum(amount), count(*) FROM mine "
                    + "GROUP BY 1, 2, 3 ORDER BY 1, 2 DESC, 3", List.of(entityId), rs -> months.add(new Month(rs.getString(1),
                    sent(rs.getString(2)) ? EntityTransfers.Direction.SENT : EntityTransfers.Direction.RECEIVED,
                    rs.getString(3), rs.getBigDecimal(4), rs.getLong(5))));
            long[][] perHour = new long[24][2];
            query(c, MINE + "SELECT extract(hour FROM local_at)::int, side, count(*) FROM mine GROUP BY 1, 2",
                    List.of(entityId), rs -> perHour[rs.getInt(1)][sent(rs.getString(2)) ? 0 : 1] = rs.getLong(3));
            List<Hour> hours = new ArrayList<>();
            for (int h = 0; h < 24; h++) hours.add(new Hour(h, perHour[h][0], perHour[h][1]));
            String[] currency = {""};
            query(c, MINE + "SELECT currency FROM mine GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1", List.of(entityId),
                    rs -> currency[0] = rs.getString(1));
            List<Counterparty> byCount = new ArrayList<>();
            query(c, MINE + "SELECT other, min(other_name), count(*), sum(amount) FILTER (WHERE currency = ?) FROM mine "
                    + "GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT " + TOP, List.of(entityId, currency[0]), rs -> byCount.add(counterparty(rs)));
            List<Counterparty> byAmount = new ArrayList<>();
            query(c, MINE + "SELECT other, min(other_name), count(*), sum(amount) FROM mine WHERE currency = ? "
                    + "GROUP BY 1 ORDER BY 4 DESC, 1 LIMIT " + TOP, List.of(entityId, currency[0]), rs -> byAmount.add(counterparty(rs)));
            return new Charts(continuous(months), hours, byCount, currency[0], byAmount);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot summarise the entity's transfers: " + e.getMessage(), e);
        }
    }

    /**
     * Every month from the first to the last of {@code months}, for each (direction, currency) series: a month with
     * no transfer in a series is there at 0. Ordered by month, then sent before received, then currency.
     */
    static List<Month> continuous(List<Month> months) {
        if (months.isEmpty()) return List.of();
        Comparator<Month> series = Comparator.comparing(Month::direction).thenComparing(Month::currency);
        TreeSet<Month> keys = new TreeSet<>(series);
        TreeMap<String, Month> byKey = new TreeMap<>();
        for (Month m : months) {
            keys.add(m);
            byKey.put(m.month() + " " + m.direction() + " " + m.currency(), m);
        }
        YearMonth first = months.stream().map(m -> YearMonth.parse(m.month())).min(Comparator.naturalOrder()).orElseThrow();
        YearMonth last = months.stream().map(m -> YearMonth.parse(m.month())).max(Comparator.naturalOrder()).orElseThrow();
        List<Month> out = new ArrayList<>();
        for (YearMonth at = first; !at.isAfter(last); at = at.plusMonths(1)) {
            for (Month k : keys) {
                Month found = byKey.get(at + " " + k.direction() + " " + k.currency());
                out.add(found != null ? found : new Month(at.toString(), k.direction(), k.currency(), BigDecimal.ZERO, 0));
            }
        }
        return out;
    }

    /** Whether a side column's letter is the sender's: the entity sent that money. */
    private static boolean sent(String side) {
        return side.charAt(0) == Side.SENDER.letter();
    }

    private static Counterparty counterparty(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(4);
        return new Counterparty(Optional.ofNullable(rs.getString(1)), rs.getString(2), rs.getLong(3),
                amount == null ? BigDecimal.ZERO : amount);
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, List<String> params, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setString(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) reader.read(rs);
            }
        }
    }
}
