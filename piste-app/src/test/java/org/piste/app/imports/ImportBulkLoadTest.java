package org.piste.app.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.piste.ingest.Importer;

/**
 * An import asked to be a bulk load builds the search indexes once, after its rows ({@link
 * org.piste.app.store.BulkWrite}); any other keeps them. Either way the table ends with the indexes the migrations
 * define, and a failed load leaves them as they were.
 */
class ImportBulkLoadTest extends ImportTestBase {
    private Path file(String name, int rows, int from) throws IOException {
        StringBuilder s = new StringBuilder("reference,send_datetime,sent_amount,sent_currency,sender_full_name,"
                + "recipient_full_name,recipient_phone\n");
        for (int i = from; i < from + rows; i++) {
            s.append("R-%06d,2024-01-15T23:30:00+01:00,12.50,EUR,Oriane FICTIVAL,Lorna TESTADO %d,0917 100 %04d\n"
                    .formatted(i, i, i % 10_000));
        }
        return Files.writeString(dir.resolve(name), s);
    }

    private ImportRequest request(Path file) {
        return ImportRequest.of(file, "canonical").withProvider("OPERATEUR-FICTIF");
    }

    /** Per index on transfer: its definition and its object id (a new id: built again). */
    private Map<String, List<String>> indexes() {
        Map<String, List<String>> out = new TreeMap<>();
        for (var row : stored.query("SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def, "
                + "indexrelid::bigint AS oid, indisvalid AS valid FROM pg_index WHERE indrelid = 'transfer'::regclass")) {
            out.put((String) row.get("name"), List.of((String) row.get("def"), row.get("oid").toString(), row.get("valid").toString()));
        }
        return out;
    }

    private static Map<String, String> definitions(Map<String, List<String>> indexes) {
        Map<String, String> out = new TreeMap<>();
        indexes.forEach((name, v) -> out.put(name, v.get(0) + " valid=" + v.get(2)));
        return out;
    }

    @Test
    void aBulkLoadBuildsTheSearchIndexesAgainAndAnImportKeepsThem() throws IOException {
        Map<String, List<String>> migrated = indexes();
        assertThat(migrated).containsKeys("transfer_sender_name_trgm", "transfer_recipient_phone", "transfer_reference");

        service.importFile(request(file("first.csv", 2_000, 0)), Importer.Progress.NONE);
        assertThat(indexes()).as("an import not asked to be a bulk load keeps every index, even into an empty table")
                .isEqualTo(migrated);

        service.importFile(request(file("bulk.csv", 2_000, 10_000)).asBulkLoad(), Importer.Progress.NONE);
        Map<String, List<String>> afterBulk = indexes();
        assertThat(definitions(afterBulk)).as("the migrations' indexes, all valid").isEqualTo(definitions(migrated));
        assertThat(afterBulk.get("transfer_sender_name_trgm").get(1)).as("built again")
                .isNotEqualTo(migrated.get("transfer_sender_name_trgm").get(1));
        assertThat(afterBulk.get("transfer_pkey").get(1)).as("a key is never set aside")
                .isEqualTo(migrated.get("transfer_pkey").get(1));
        // The rebuilt index holds rows of both loads: read through it alone.
        assertThat(throughIndex("SELECT count(*) FROM transfer WHERE search_fold(recipient_name_norm) LIKE '%testado 1000%'"))
                .as("testado 1000 (first) and 10000-10009 (bulk)").isEqualTo(11);
        assertThat(throughIndex("SELECT count(*) FROM transfer WHERE search_fold(recipient_name_norm) LIKE '%testado 199%'"))
                .as("testado 199 and 1990-1999 (first)").isEqualTo(11);
    }

    /** While a bulk load stores, the audit trail's lock is its own: an audited action waits, never deadlocks it. */
    @Test
    void aBulkLoadHoldsTheAuditTrailFromBeforeItLocksTheTransfers() throws IOException {
        List<Boolean> free = new java.util.ArrayList<>();
        Importer.Progress probe = (bytes, total, rows) -> free.add((Boolean) stored.query(
                "SELECT pg_try_advisory_xact_lock(" + org.piste.app.store.AdvisoryLocks.AUDIT_CHAIN + ") AS free").get(0).get("free"));
        service.importFile(request(file("bulk.csv", 2_000, 0)).asBulkLoad(), probe);
        assertThat(free).as("looked while storing").isNotEmpty().containsOnly(false);
        free.clear();
        service.importFile(request(file("small.csv", 2_000, 5_000)), probe);
        assertThat(free).isNotEmpty().containsOnly(true);
    }

    private long throughIndex(String sql) {
        try (java.sql.Connection c = database.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            try (java.sql.ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedBulkLoadLeavesTheIndexesAsTheyWere() throws IOException {
        Map<String, List<String>> migrated = indexes();
        Path file = file("first.csv", 500, 0);
        assertThatThrownBy(() -> service.importFile(request(file).asBulkLoad(), Importer.Progress.NONE, (c, sourceId, sha, result) -> {
            throw new IllegalStateException("audit refused");
        })).hasMessageContaining("audit refused");
        assertThat(indexes()).isEqualTo(migrated);
        assertThat(stored.query("SELECT count(*) AS n FROM transfer").get(0).get("n").toString()).isEqualTo("0");
    }
}
