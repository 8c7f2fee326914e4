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
 * A load at least the size of the stored transfers builds the search indexes once, after its rows ({@link
 * org.piste.app.store.BulkWrite}); a smaller one keeps
 * them. Either way the table ends with the indexes the migrations define, and a failed load leaves them as they were.
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
    void aFirstLoadBuildsTheSearchIndexesAgainAndASmallOneKeepsThem() throws IOException {
        Map<String, List<String>> migrated = indexes();
        assertThat(migrated).containsKeys("transfer_sender_name_trgm", "transfer_recipient_phone", "transfer_reference");

        service.importFile(request(file("first.csv", 2_000, 0)), Importer.Progress.NONE);
        Map<String, List<String>> afterBulk = indexes();
        assertThat(definitions(afterBulk)).as("the migrations' indexes, all valid").isEqualTo(definitions(migrated));
        assertThat(afterBulk.get("transfer_sender_name_trgm").get(1)).as("built again")
                .isNotEqualTo(migrated.get("transfer_sender_name_trgm").get(1));
        assertThat(afterBulk.get("transfer_pkey").get(1)).as("a key is never set aside")
                .isEqualTo(migrated.get("transfer_pkey").get(1));

        service.importFile(request(file("small.csv", 20, 5_000)), Importer.Progress.NONE);
        assertThat(indexes()).as("a small load keeps every index as it was").isEqualTo(afterBulk);
        // The rebuilt index finds rows of both loads.
        assertThat(stored.query("SELECT count(*) AS n FROM transfer WHERE search_fold(recipient_name_norm) LIKE '%testado 500%'")
                .get(0).get("n").toString()).isEqualTo("11");
    }

    @Test
    void aFailedBulkLoadLeavesTheIndexesAsTheyWere() throws IOException {
        Map<String, List<String>> migrated = indexes();
        Path file = file("first.csv", 500, 0);
        assertThatThrownBy(() -> service.importFile(request(file), Importer.Progress.NONE, (c, sourceId, sha, result) -> {
            throw new IllegalStateException("audit refused");
        })).hasMessageContaining("audit refused");
        assertThat(indexes()).isEqualTo(migrated);
        assertThat(stored.query("SELECT count(*) AS n FROM transfer").get(0).get("n").toString()).isEqualTo("0");
    }
}
