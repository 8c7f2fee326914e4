package org.piste.app.search;

import java.util.List;
import java.util.Set;
import org.piste.app.cases.CaseFile;
import org.piste.model.Side;

/** What a search found, by kind, each group capped with its count. */
public record SearchResults(SearchQuery query, Group<Person> people, Group<TransferHit> transfers,
        Group<CaseFile.Summary> cases) {

    /** How a person was found. */
    public enum Via { NAME, PHONE, ID_NUMBER, EMAIL }

    /**
     * A group's first {@code shown} results out of {@code total} found; {@code more}: the look-up stopped at its cap,
     * so there may be more than {@code total}.
     */
    public record Group<T>(List<T> shown, int total, boolean more) {
        public Group {
            shown = List.copyOf(shown);
        }

        static <T> Group<T> of(List<T> all, int cap, boolean more) {
            return new Group<>(all.subList(0, Math.min(cap, all.size())), all.size(), more);
        }

        public boolean isEmpty() {
            return total == 0;
        }
    }

    /**
     * A person: an entity of the latest resolution, or a party record no run has placed yet ({@code resolved} false,
     * {@code id} the record's). {@code sides}: the sides on which the matching records paid or were paid;
     * {@code records}: how many of the entity's records matched.
     */
    public record Person(String id, boolean resolved, String name, Set<Side> sides, Set<Via> via, int records) {
        public Person {
            sides = Set.copyOf(sides);
            via = Set.copyOf(via);
        }
    }

    /** A transfer found by its reference (MTCN), with both parties' names as written. */
    public record TransferHit(long id, String provider, String reference, String sender, String recipient) {}

    public boolean isEmpty() {
        return people.isEmpty() && transfers.isEmpty() && cases.isEmpty();
    }
}
