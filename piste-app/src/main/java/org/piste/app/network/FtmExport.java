package org.piste.app.network;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.piste.app.entities.EntityNames;
import org.piste.app.resolve.CurrentEntities;

/**
 * A network view as FollowTheMoney entities (the exchange format of Aleph and other analysts' tools): a Person
 * per entity with the identity values its records wrote, and a Payment per counted transfer between two of them.
 * Only property names of the FtM schema are used (Person/LegalEntity/Thing for people, Payment/Interval/Value for
 * payments); amounts are decimal strings; each payment's recordId is its source row (file SHA-256 and line).
 */
public final class FtmExport {
    /** More than a page can reasonably show; a bigger export is a bulk extraction, not a view. */
    public static final int MAX_ENTITIES = 2_000;
    private final DataSource dataSource;

    public FtmExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One FtM entity: id, schema and multi-valued properties (FtM's JSON form). */
    public record FtmEntity(String id, String schema, Map<String, List<String>> properties) {
        public FtmEntity {
            Objects.requireNonNull(id);
            Objects.requireNonNull(schema);
            properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }
    }

    /** What an export holds: the entities (resolved ids), then the payments. */
    public record Export(List<String> entityIds, List<FtmEntity> lines, int payments) {}

    public static String entityId(String entity) {
        return "piste-entity-" + entity.replace(':', '-');
    }

    public static String paymentId(long transferId) {
        return "piste-transfer-" + transferId;
    }

    /** The ids as the page sends them ("1:S,42:R"): each must name a resolved entity. */
    public Export export(List<String> requested, NetworkFilter filter) {
        if (requested.isEmpty()) throw new BadParameterException("network.exportNothing");
        if (requested.size() > MAX_ENTITIES) {
            throw new BadParameterException("network.exportTooMany", MAX_ENTITIES);
        }
        try (Connection c = dataSource.getConnection()) {
            Set<String> ids = new LinkedHashSet<>();
            for (String r : requested) ids.add(EntityNodes.entityOf(c, r).orElseThrow(() -> new UnknownEntityException(r)));
            List<FtmEntity> lines = new ArrayList<>();
            Map<String, Identity> identities = identities(c, ids, Optional.empty());
            for (NetworkView.Node node : EntityNodes.of(c, ids)) lines.add(person(node, identities.get(node.id())));
            List<TransferRows.Row> rows = TransferRows.between(c, ids, ids, filter);
            for (TransferRows.Row row : rows) lines.add(payment(row, ids::contains));
            return new Export(List.copyOf(ids), lines, rows.size());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot export the network: " + e.getMessage(), e);
        }
    }

    /**
     * For a package sent abroad: a Person per subject (entity id to the name to give it) and a Payment per transfer
     * of {@code transferIds}, nothing else. A person's identity values are only those written in these transfers'
     * records, not everything the entity's other records say (minimisation); a payment names as payer or
     * beneficiary only a subject, never a counterparty's Piste id. Deterministic: same input, same lines.
     */
    public static Export forTransfers(Connection c, Map<String, String> subjects, java.util.Collection<Long> transferIds)
            throws SQLException {
        Map<String, Identity> identities = identities(c, subjects.keySet(), Optional.of(transferIds));
        List<FtmEntity> lines = new ArrayList<>();
        for (var s : new java.util.TreeMap<>(subjects).entrySet()) {
            Identity identity = identities.getOrDefault(s.getKey(), new Identity());
            lines.add(person(s.getKey(), s.getValue(), identity, "Piste entity " + s.getKey()));
        }
        List<TransferRows.Row> rows = TransferRows.byIds(c, transferIds);
        for (TransferRows.Row row : rows) lines.add(payment(row, subjects::containsKey));
        return new Export(List.copyOf(new java.util.TreeSet<>(subjects.keySet())), lines, rows.size());
    }

    /** FtM's JSON form, one entity per line: the one writer for every FtM file Piste produces. */
    public static String jsonLines(List<FtmEntity> lines) {
        StringBuilder out = new StringBuilder();
        for (FtmEntity line : lines) out.append(JSON.writeValueAsString(line)).append('\n');
        return out.toString();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private static FtmEntity person(NetworkView.Node node, Identity identity) {
        return person(node.id(), node.label(), identity, "Piste entity " + node.id() + " (" + node.records() + " party records)");
    }

    private static FtmEntity person(String id, String label, Identity identity, String summary) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("name", List.of(label));
        put(p, "alias", identity.names.stream().filter(n -> !n.equals(label)).toList());
        put(p, "birthDate", identity.birthDates);
        put(p, "idNumber", identity.idNumbers);
        put(p, "phone", identity.phones);
        put(p, "email", identity.emails);
        put(p, "address", identity.addresses);
        p.put("summary", List.of(summary));
        return new FtmEntity(entityId(id), "Person", p);
    }

    /** {@code exported}: whether an entity is in the file, so that a payment may point at it. */
    private static FtmEntity payment(TransferRows.Row row, java.util.function.Predicate<String> exported) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        if (exported.test(row.sender())) p.put("payer", List.of(entityId(row.sender())));
        if (exported.test(row.recipient())) p.put("beneficiary", List.of(entityId(row.recipient())));
        p.put("amount", List.of(row.sent().toPlainString()));
        p.put("currency", List.of(row.sentCurrency()));
        p.put("date", List.of(row.date().toString()));
        p.put("transactionNumber", List.of(row.reference()));
        if (!row.purpose().isBlank()) p.put("purpose", List.of(row.purpose()));
        p.put("recordId", List.of(row.sha256() + ":" + row.line()));
        String paid = row.paid().map(a -> "; paid " + a.toPlainString() + " " + row.paidCurrency().orElse("")).orElse("");
        p.put("summary", List.of("status " + row.status() + paid + "; source file SHA-256 " + row.sha256() + " line "
                + row.line()));
        return new FtmEntity(paymentId(row.id()), "Payment", p);
    }

    private static void put(Map<String, List<String>> p, String property, java.util.Collection<String> values) {
        if (!values.isEmpty()) p.put(property, List.copyOf(values));
    }

    /** The distinct identity values an entity's records wrote, sorted. */
    private static final class Identity {
        final Set<String> names = new TreeSet<>();
        final Set<String> birthDates = new TreeSet<>();
        final Set<String> idNumbers = new TreeSet<>();
        final Set<String> phones = new TreeSet<>();
        final Set<String> emails = new TreeSet<>();
        final Set<String> addresses = new TreeSet<>();
    }

    /** From the records of {@code onlyTransfers} when given, else from all the entities' records. */
    private static Map<String, Identity> identities(Connection c, Set<String> ids, Optional<java.util.Collection<Long>> onlyTransfers)
            throws SQLException {
        String sql = "SELECT m.entity_id, " + EntityNames.asWritten("p") + ", p.birth_date, p.id_number, p.phone_e164, "
                + "p.phone, p.email, p.address FROM " + CurrentEntities.records("m", "p") + " WHERE m.entity_id = ANY(?)"
                + (onlyTransfers.isPresent() ? " AND m.transfer_id = ANY(?)" : "");
        Map<String, Identity> identities = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            if (onlyTransfers.isPresent()) ps.setArray(2, c.createArrayOf("bigint", onlyTransfers.get().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Identity id = identities.computeIfAbsent(rs.getString(1), k -> new Identity());
                    add(id.names, rs.getString(2));
                    LocalDate birth = rs.getObject(3, LocalDate.class);
                    if (birth != null) id.birthDates.add(birth.toString());
                    add(id.idNumbers, rs.getString(4));
                    add(id.phones, rs.getString(5) != null ? rs.getString(5) : rs.getString(6));
                    add(id.emails, rs.getString(7));
                    add(id.addresses, rs.getString(8));
                }
            }
        }
        return identities;
    }

    private static void add(Set<String> values, String value) {
        if (value != null && !value.isBlank()) values.add(value.strip());
    }
}
