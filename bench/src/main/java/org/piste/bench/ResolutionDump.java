package org.piste.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.piste.app.store.Database;
import org.postgresql.PGConnection;

/**
 * Writes the stored resolution in a fixed order, as PostgreSQL's COPY gives it: the runs' figures and models, the
 * membership (record, entity, side, transfer) sorted by record, then the links (records, weight, probability, origin,
 * evidence levels and weights) sorted by their records, then the values compared per linked record.
 * A change to the resolver or to how its result is stored must leave this file byte-identical on the same data.
 */
final class ResolutionDump {
    private ResolutionDump() {}

    static void write(Database db, Path file) throws SQLException, IOException {
        try (Connection c = db.connect(); OutputStream out = Files.newOutputStream(file)) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyOut("COPY (SELECT r.records, r.new_records, r.entities, r.candidate_pairs, r.reduction_ratio, r.block_cap, "
                    + "r.oversized_blocks, r.links, m.prior, m.m, m.u, m.description FROM resolution_run r "
                    + "JOIN match_model m ON m.id = r.model_id ORDER BY r.id) TO STDOUT", out);
            copy.copyOut("COPY (SELECT record_id, entity_id, side, transfer_id FROM entity_member ORDER BY record_id) TO STDOUT", out);
            copy.copyOut("COPY (SELECT record_a, record_b, weight, probability, origin, levels, weights FROM entity_link "
                    + "ORDER BY record_a, record_b, origin) TO STDOUT", out);
            copy.copyOut("COPY (SELECT record_id, shown FROM link_record ORDER BY record_id) TO STDOUT", out);
        }
        System.err.println("bench: stored resolution written to " + file);
    }
}
