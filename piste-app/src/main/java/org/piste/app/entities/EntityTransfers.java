package org.piste.app.entities;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.store.Database;
import org.piste.model.RowRef;
import org.piste.model.Side;

/**
 * An entity's transfers in both directions, each with its counterparty and source row: pages for the screen, all
 * of them for an export, and monthly, hourly and counterparty summaries for charts ({@link EntityCharts}).
 */
public final class EntityTransfers {
    public static final int PAGE_SIZE = 50;
    private final Database database;

    public EntityTransfers(Database database) {
        this.database = database;
    }

    public enum Direction { SENT, RECEIVED }

    /** Sort keys; the transfer id breaks ties so pages never overlap. */
    public enum Sort {
        DATE("t.send_at"), AMOUNT("t.sent_amount"), COUNTERPARTY("counterparty");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }

        /** "date", "amount" or "counterparty", any case. */
        public static Sort parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sort must be date, amount or counterparty, was '" + s + "'");
            }
        }
    }

    /** Which page; {@code reference} keeps only the transfer(s) with that reference. */
    public record Query(String entityId, Sort sort, boolean descending, int page, Optional<String> reference) {
        public Query {
            Objects.requireNonNull(entityId);
            Objects.requireNonNull(sort);
            reference = reference.map(String::strip).filter(r -> !r.isEmpty());
            if (page < 1) throw new IllegalArgumentException("the page must be 1 or more, was " + page);
        }
    }

    /**
     * One transfer as the entity sees it; the sending time is local to the sender ({@code zone}), {@code sentAt} the
     * same instant, for showing it in Paris time beside.
     */
    public record Transfer(long id, String reference, Direction direction, String sentAtLocal, Instant sentAt, String zone,
            String counterparty, Optional<String> counterpartyEntity, BigDecimal sentAmount, String sentCurrency,
            Optional<BigDecimal> paidAmount, String paidCurrency, String status, String purpose, RowRef source) {}

    public record Page(Query query, List<Transfer> rows, long total) {
        public Page {
            rows = List.copyOf(rows);
        }

        public long pages() {
            return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /**
     * The entity's records m joined to their transfers t, source rows s, and counterparties: the other side's party
     * record cp and its entity cm (SQL FROM ... WHERE).
     */
    static final String FROM = " FROM entity_member m JOIN transfer t ON t.id = m.transfer_id "
            + "JOIN source_file s ON s.id = t.source_id JOIN party_record cp ON cp.transfer_id = t.id AND cp.side <> m.side"
            + CurrentEntities.joinRecord("cm", "cp.record_id") + " WHERE m.entity_id = ?";

    public Page page(Query q) {
        try (Connection c = database.connect()) {
            return page(c, q);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the entity's transfers: " + e.getMessage(), e);
        }
    }

    /** {@link #page(Query)} inside the caller's transaction. */
    public static Page page(Connection c, Query q) throws SQLException {
        List<Transfer> rows = new ArrayList<>();
        long[] total = {0};
        String dir = q.descending() ? " DESC" : " ASC";
        read(c, q.entityId(), q.reference(), " ORDER BY " + q.sort().sql + dir + ", t.id" + dir + " LIMIT " + PAGE_SIZE
                + " OFFSET " + (long) (q.page() - 1) * PAGE_SIZE, (t, count) -> {
            rows.add(t);
            total[0] = count;
        });
        return new Page(q, rows, total[0]);
    }

    /** Every transfer of the entity, oldest first. */
    public void all(String entityId, Consumer<Transfer> each) {
        try (Connection c = database.connect()) {
            read(c, entityId, Optional.empty(), " ORDER BY t.send_at, t.id", (t, count) -> each.accept(t));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the entity's transfers: " + e.getMessage(), e);
        }
    }

    /**
     * What the entity's transfers add up to: how many it sent and received, with how many counterparties (entities,
     * or records no run placed), over which days (the sender's local dates); every transfer counted, as listed.
     */
    public record Summary(long sent, long received, long counterparties, Optional<LocalDate> first,
            Optional<LocalDate> last) {
        public long transfers() {
            return sent + received;
        }
    }

    /** {@link Summary} of the entity's transfers inside the caller's transaction. */
    public static Summary summary(Connection c, String entityId) throws SQLException {
        String sql = "SELECT count(*) FILTER (WHERE m.side = '" + Side.SENDER.letter() + "'), count(*) FILTER (WHERE m.side <> '"
                + Side.SENDER.letter() + "'), count(DISTINCT coalesce(cm.entity_id, cp.record_id)), "
                + "min((t.send_at AT TIME ZONE t.send_zone)::date), max((t.send_at AT TIME ZONE t.send_zone)::date)" + FROM;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Optional.ofNullable(rs.getObject(4, LocalDate.class)), Optional.ofNullable(rs.getObject(5, LocalDate.class)));
            }
        }
    }

    private static void read(Connection c, String entityId, Optional<String> reference, String tail,
            java.util.function.BiConsumer<Transfer, Long> each) throws SQLException {
        String sql = "SELECT t.id, t.reference, m.side, to_char(t.send_at AT TIME ZONE t.send_zone, 'YYYY-MM-DD HH24:MI'), "
                + "t.send_zone, " + EntityNames.asWritten("cp") + " AS counterparty, cm.entity_id, t.sent_amount, "
                + "t.sent_currency, t.paid_amount, coalesce(t.paid_currency, ''), t.status, t.purpose, s.sha256, t.line_no, "
                + "count(*) OVER (), t.send_at" + FROM + (reference.isPresent() ? " AND t.reference = ?" : "") + tail;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, entityId);
            if (reference.isPresent()) ps.setString(2, reference.get());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(new Transfer(rs.getLong(1), rs.getString(2),
                            rs.getString(3).charAt(0) == Side.SENDER.letter() ? Direction.SENT : Direction.RECEIVED,
                            rs.getString(4), rs.getObject(17, OffsetDateTime.class).toInstant(),
                            rs.getString(5), rs.getString(6), Optional.ofNullable(rs.getString(7)), rs.getBigDecimal(8),
                            rs.getString(9), Optional.ofNullable(rs.getBigDecimal(10)), rs.getString(11), rs.getString(12),
                            rs.getString(13), new RowRef(rs.getString(14), rs.getLong(15))), rs.getLong(16));
                }
            }
        }
    }
}
