package org.piste.app.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditLog;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseService;
import org.piste.app.entities.EntityNames;
import org.piste.app.search.PartyMatches.Criterion;
import org.piste.app.search.PartyMatches.Found;
import org.piste.app.search.SearchResults.Group;
import org.piste.app.search.SearchResults.Person;
import org.piste.app.search.SearchResults.TransferHit;
import org.piste.app.search.SearchResults.Via;
import org.piste.app.store.Database;
import org.piste.app.store.Transactions;
import org.piste.model.Side;

/**
 * The search box: people by name, phone, ID number or e-mail; transfers by reference; case files the user may see
 * (need-to-know, by the case service's own rule). A search reads personal data: it is audited with its kind, the text
 * searched (as the alerts' name filter is: the trail is need-to-know, and says what was looked for) and the counts.
 */
public final class Search {
    /** Results shown per group; the group says how many there were. */
    public static final int SHOWN = 20;
    private final Database database;
    private final AuditLog audit;
    private final CaseService cases;

    public Search(Database database, AuditLog audit, CaseService cases) {
        this.database = database;
        this.audit = audit;
        this.cases = cases;
    }

    /** The search, audited for the actor; a query too short to search finds nothing and is not a read. */
    public SearchResults search(Actor actor, String raw) {
        SearchQuery q = SearchQuery.of(raw);
        if (q.kind() == SearchQuery.Kind.TOO_SHORT) return empty(q);
        SearchResults found = find(q, cases.matching(actor, q.text()));
        return audit.shown(actor, "search", "search", q.describe() + " found people=" + found.people().total()
                + " transfers=" + found.transfers().total() + " cases=" + found.cases().total(), found);
    }

    /**
     * The look-ups, the cases given: unaudited, so only for {@link #search} and the benchmark (bench/SearchLatency),
     * which times them without an account (ArchitectureTest keeps every other class of the application away from it).
     */
    public SearchResults find(SearchQuery q, List<CaseFile.Summary> visibleCases) {
        if (q.kind() == SearchQuery.Kind.TOO_SHORT) return empty(q);
        return Transactions.inTransaction(database.dataSource(), "search", c -> {
            List<Criterion> criteria = criteria(q);
            Map<String, Gathered> people = new LinkedHashMap<>();
            boolean more = false;
            NameQuery name = NameQuery.of(q.text());
            for (Criterion criterion : criteria) {
                for (Side side : Side.values()) {
                    List<Found> found = PartyMatches.find(c, criterion, side);
                    more |= found.size() > PartyMatches.CAP;
                    for (Found f : found.subList(0, Math.min(found.size(), PartyMatches.CAP))) {
                        // The index narrows by trigrams; the resolver's normalisation decides.
                        if (criterion.via() == Via.NAME && !name.matches(f.given(), f.middle(), f.surname(), f.fullName())) continue;
                        people.computeIfAbsent(f.entity(), e -> new Gathered(f)).add(f, criterion.via());
                    }
                }
            }
            List<Person> persons = persons(c, people);
            List<TransferHit> transfers = transfers(c, q);
            return new SearchResults(q, Group.of(persons, SHOWN, more),
                    Group.of(transfers, SHOWN, transfers.size() > PartyMatches.CAP), Group.of(visibleCases, SHOWN, false));
        });
    }

    private static List<Criterion> criteria(SearchQuery q) {
        List<Criterion> out = new ArrayList<>();
        if (q.kind() == SearchQuery.Kind.TEXT) {
            NameQuery name = NameQuery.of(q.text());
            if (!name.isEmpty()) Criterion.name(name).ifPresent(out::add);
        }
        Set<String> phones = q.phones();
        if (!phones.isEmpty()) out.add(Criterion.phones(phones));
        q.idNumber().ifPresent(id -> out.add(Criterion.idNumber(id)));
        q.email().ifPresent(e -> out.add(Criterion.email(e)));
        return out;
    }

    /** The records found, by entity, most records first; entities under the name they are shown with elsewhere. */
    private static List<Person> persons(Connection c, Map<String, Gathered> people) throws SQLException {
        Map<String, String> names = EntityNames.shown(c,
                people.values().stream().filter(g -> g.resolved).map(g -> g.entity).toList());
        return people.values().stream()
                .map(g -> new Person(g.entity, g.resolved, names.getOrDefault(g.entity, g.name), g.sides, g.via, g.records()))
                .sorted(Comparator.comparingInt(Person::records).reversed().thenComparing(Person::name))
                .toList();
    }

    private static List<TransferHit> transfers(Connection c, SearchQuery q) throws SQLException {
        List<TransferHit> out = new ArrayList<>();
        if (q.references().isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.provider, t.reference, " + EntityNames.asWritten("s")
                + ", " + EntityNames.asWritten("r") + " FROM transfer t" + PartyMatches.named(Side.SENDER, "s")
                + PartyMatches.named(Side.RECIPIENT, "r") + " WHERE t.reference = ANY (?) ORDER BY t.id LIMIT ?")) {
            ps.setArray(1, c.createArrayOf("text", q.references().toArray()));
            ps.setInt(2, PartyMatches.CAP + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TransferHit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    private static SearchResults empty(SearchQuery q) {
        return new SearchResults(q, Group.of(List.of(), SHOWN, false), Group.of(List.of(), SHOWN, false),
                Group.of(List.of(), SHOWN, false));
    }

    /** One entity's matching records while they are gathered. */
    private static final class Gathered {
        final String entity, name;
        final boolean resolved;
        final Set<Side> sides = EnumSet.noneOf(Side.class);
        final Set<Via> via = EnumSet.noneOf(Via.class);
        final Set<String> records = new HashSet<>();

        Gathered(Found first) {
            entity = first.entity();
            resolved = first.resolved();
            name = first.name();
        }

        void add(Found f, Via how) {
            sides.add(f.record().side());
            via.add(how);
            records.add(f.record().toString());
        }

        int records() {
            return records.size();
        }
    }
}
