package org.piste.app.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.piste.app.entities.EntityNames;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.resolve.RecordSql;
import org.piste.model.RecordId;
import org.piste.model.Side;

/**
 * Party records found by one criterion, side by side (each side's columns have their own index), with the entity the
 * latest resolution put them in. At most {@link #CAP} records a side and criterion.
 */
final class PartyMatches {
    static final int CAP = 1000;
    private static final int TRIGRAM = 3;

    /** A record found, its name as written (parts and whole) and its entity (the record's own id when unresolved). */
    record Found(RecordId record, String entity, boolean resolved, String given, String middle, String surname,
            String fullName, String name) {}

    /** A condition on one side's columns ({@code {p}} stands for sender_ or recipient_) and its parameters. */
    record Criterion(SearchResults.Via via, String condition, List<Object> params) {
        Criterion {
            params = List.copyOf(params);
        }

        /**
         * Every word of the name, in one of its spellings, is in the stored name (LIKE on the trigram index: a word's
         * trigrams must all be there, so the words' look-ups intersect in the index). Words of under 3 letters have no
         * trigram: they are left to the check in Java. When no word has all its spellings of 3 letters or more
         * ("Edward" is also "Ed"), its longer spellings narrow alone; with none ("n° 12"), there is no name look-up,
         * since a pattern without a trigram would read the whole table.
         */
        static Optional<Criterion> name(NameQuery q) {
            List<List<String>> words = q.spellings().stream()
                    .filter(w -> w.stream().allMatch(x -> x.length() >= TRIGRAM)).toList();
            if (words.isEmpty()) {
                words = q.spellings().stream().map(w -> w.stream().filter(x -> x.length() >= TRIGRAM).toList())
                        .filter(w -> !w.isEmpty()).toList();
            }
            if (words.isEmpty()) return Optional.empty();
            List<String> parts = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            for (List<String> spellings : words) {
                parts.add("search_fold(t.{p}name_norm) LIKE ANY (?)");
                params.add(spellings.stream().map(x -> "%" + x + "%").toArray(String[]::new)); // folded: [a-z0-9] only
            }
            return Optional.of(new Criterion(SearchResults.Via.NAME, String.join(" AND ", parts), params));
        }

        static Criterion phones(Set<String> e164) {
            return new Criterion(SearchResults.Via.PHONE, "t.{p}phone_e164 = ANY (?)",
                    List.of((Object) e164.toArray(String[]::new)));
        }

        static Criterion idNumber(String normalised) {
            return new Criterion(SearchResults.Via.ID_NUMBER, "t.{p}id_number_norm = ? AND t.{p}id_number_norm <> ''",
                    List.of(normalised));
        }

        static Criterion email(String address) {
            return new Criterion(SearchResults.Via.EMAIL, "lower(t.{p}email) = ? AND t.{p}email <> ''", List.of(address));
        }
    }

    /** The records of this side meeting the criterion; {@code CAP + 1} at most, so a caller sees that there are more. */
    static List<Found> find(Connection c, Criterion criterion, Side side) throws SQLException {
        String p = side.name().toLowerCase(Locale.ROOT) + "_";
        String sql = "SELECT t.id, m.entity_id, t.{p}given_names, t.{p}middle_name, t.{p}surname, t.{p}full_name, "
                + EntityNames.asWritten("x") + " FROM transfer t"
                + CurrentEntities.joinRecord("m", RecordSql.id("t.id", side))
                + named(side, "x") + " WHERE " + criterion.condition() + " LIMIT ?";
        List<Found> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.replace("{p}", p))) {
            int i = 1;
            for (Object param : criterion.params()) {
                if (param instanceof String[] array) ps.setArray(i++, c.createArrayOf("text", array));
                else ps.setObject(i++, param);
            }
            ps.setInt(i, CAP + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RecordId record = new RecordId(rs.getLong(1), side);
                    String entity = rs.getString(2);
                    out.add(new Found(record, entity == null ? record.toString() : entity, entity != null,
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /**
     * SQL (FROM item): a side's name columns of transfer {@code t} under party_record's names, as {@code alias}, so that
     * {@link EntityNames#asWritten} reads them without the view (whose union would hide the indexes).
     */
    static String named(Side side, String alias) {
        String p = side.name().toLowerCase(Locale.ROOT) + "_";
        return " CROSS JOIN LATERAL (SELECT t." + p + "given_names AS given_names, t." + p + "middle_name AS middle_name, t."
                + p + "surname AS surname, t." + p + "full_name AS full_name) " + alias;
    }

    private PartyMatches() {}
}
