package org.piste.app.network;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Expands an entity into its counterparties, one page at a time, with every edge's transfers and provenance. */
public final class NetworkQueries {
    private final DataSource dataSource;

    public NetworkQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The node of the entity a record or entity id names. */
    public NetworkView.Node node(String recordOrEntityId) {
        try (Connection c = dataSource.getConnection()) {
            String id = EntityNodes.entityOf(c, recordOrEntityId).orElseThrow(() -> new UnknownEntityException(recordOrEntityId));
            return EntityNodes.of(c, List.of(id)).getFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the entity: " + e.getMessage(), e);
        }
    }

    /**
     * One page of the entity's counterparties (senders to it and recipients from it) within the filter, with the
     * edges joining them to it.
     */
    public NetworkView.Expansion expand(String recordOrEntityId, NetworkFilter filter, NeighbourPage page) {
        try (Connection c = dataSource.getConnection()) {
            String center = EntityNodes.entityOf(c, recordOrEntityId)
                    .orElseThrow(() -> new UnknownEntityException(recordOrEntityId));
            List<String> all = neighbours(c, center, filter, page.sort());
            int start = Math.min(all.size(), page.page() * page.size());
            int end = Math.min(all.size(), start + page.size());
            List<String> shown = all.subList(start, end);
            List<String> ids = new ArrayList<>(List.of(center));
            ids.addAll(shown);
            List<NetworkView.Edge> edges = shown.isEmpty() ? List.of()
                    : edges(TransferRows.between(c, List.of(center), shown, filter));
            int remaining = all.size() - end;
            return new NetworkView.Expansion(center, page.page(), page.size(), page.sort().name().toLowerCase(
                    java.util.Locale.ROOT), all.size(), EntityNodes.of(c, ids), edges, new NetworkView.More(remaining,
                    remaining > 0 ? Optional.of(page.page() + 1) : Optional.empty()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot expand the network: " + e.getMessage(), e);
        }
    }

    /** Every counterparty within the filter, best first; ties by id so that pages are stable. */
    private static List<String> neighbours(Connection c, String center, NetworkFilter filter, NeighbourPage.Sort sort)
            throws SQLException {
        // Ordering by amount adds sent amounts across currencies: a ranking only, never shown as a total.
        String order = sort == NeighbourPage.Sort.SCORE ? "score DESC, total DESC" : "total DESC, score DESC";
        String sql = "SELECT neighbour, score FROM (SELECT neighbour, sum(amount) AS total, "
                + EntityNodes.bestScore("neighbour") + " AS score FROM (SELECT CASE WHEN s.entity_id = ? THEN r.entity_id"
                + " ELSE s.entity_id END AS neighbour, t.sent_amount AS amount" + TransferRows.RESOLVED + " WHERE "
                + TransferRows.INVOLVING + TransferRows.COUNTED + " AND s.entity_id <> r.entity_id) x GROUP BY neighbour) n"
                + " WHERE (?::float8 IS NULL OR score >= ?::float8) ORDER BY " + order + ", neighbour";
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, center);
            ps.setArray(2, c.createArrayOf("text", new Object[] {center}));
            int i = TransferRows.bind(ps, 3, filter);
            ps.setObject(i++, filter.minScore().orElse(null));
            ps.setObject(i, filter.minScore().orElse(null));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** The rows grouped by sender and recipient, in order of first appearance. */
    static List<NetworkView.Edge> edges(List<TransferRows.Row> rows) {
        Map<String, List<TransferRows.Row>> byPair = new LinkedHashMap<>();
        for (TransferRows.Row r : rows) byPair.computeIfAbsent(r.sender() + ">" + r.recipient(), k -> new ArrayList<>()).add(r);
        List<NetworkView.Edge> edges = new ArrayList<>();
        byPair.forEach((id, pair) -> {
            Map<String, BigDecimal> sent = new TreeMap<>();
            Map<String, BigDecimal> paid = new TreeMap<>();
            for (TransferRows.Row r : pair) {
                sent.merge(r.sentCurrency(), r.sent(), BigDecimal::add);
                if (r.paid().isPresent() && r.paidCurrency().isPresent()) {
                    paid.merge(r.paidCurrency().get(), r.paid().get(), BigDecimal::add);
                }
            }
            TransferRows.Row first = pair.getFirst();
            edges.add(new NetworkView.Edge(id, first.sender(), first.recipient(), pair.size(), amounts(sent),
                    amounts(paid), pair.stream().map(TransferRows.Row::date).min(java.util.Comparator.naturalOrder()).orElseThrow(),
                    pair.stream().map(TransferRows.Row::date).max(java.util.Comparator.naturalOrder()).orElseThrow(),
                    pair.stream().anyMatch(TransferRows.Row::family), pair.stream().map(TransferRows.Row::view).toList()));
        });
        return edges;
    }

    private static List<NetworkView.Amount> amounts(Map<String, BigDecimal> byCurrency) {
        return byCurrency.entrySet().stream().map(e -> NetworkView.Amount.of(e.getKey(), e.getValue())).toList();
    }
}
