package org.piste.app.web.entities;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.alerts.Explanations;
import org.piste.app.entities.EntityProfile;
import org.piste.app.entities.EntityTransfers;
import org.piste.app.store.Transactions;
import org.piste.model.Side;
import org.piste.resolve.Link;

/**
 * What one view of an entity shows, read in one snapshot ({@link Transactions#inSnapshot}): a resolution or a
 * screening committed while the page is read cannot put the members of one run beside the links, rulings, scores or
 * transfers of another.
 *
 * @param screenings the latest run's score on each side the entity was ranked on, with every contribution
 * @param transfers the requested page of transfers; empty for the API's view, which pages them on its own
 * @param summary what all its transfers add up to; empty for the API's view
 */
record EntityPage(EntityProfile profile, List<AlertDecisions.Stored> alertDecisions,
        List<Explanations.Explanation> screenings, Optional<EntityTransfers.Page> transfers,
        Optional<EntityTransfers.Summary> summary) {

    /** The profile and the rulings on its alerts (the API's view). */
    static EntityPage profile(DataSource dataSource, String id) {
        return Transactions.inSnapshot(dataSource, "read the entity", c -> {
            EntityProfile profile = found(c, id);
            return new EntityPage(profile, AlertDecisions.forEntity(c, profile.entity().id()), List.of(), Optional.empty(),
                    Optional.empty());
        });
    }

    /** Everything GET /entities/{id} shows; {@code query} makes the transfers' query for the entity's id. */
    static EntityPage page(DataSource dataSource, String id, Function<String, EntityTransfers.Query> query) {
        return Transactions.inSnapshot(dataSource, "read the entity", c -> {
            EntityProfile profile = found(c, id);
            String entity = profile.entity().id();
            EntityTransfers.Query q = query.apply(entity);
            List<Explanations.Explanation> screenings = new ArrayList<>();
            for (Side side : Side.values()) Explanations.explain(c, side, entity).ifPresent(screenings::add);
            return new EntityPage(profile, AlertDecisions.forEntity(c, entity), screenings,
                    Optional.of(EntityTransfers.page(c, q)), Optional.of(EntityTransfers.summary(c, entity)));
        });
    }

    /**
     * The link the page compares side by side for a same / not-same ruling: the one between records {@code a} and
     * {@code b} (either order) when the entity holds it, else its weakest scored link, the likeliest to be wrong;
     * empty for an entity of one record.
     */
    static Optional<Link> compared(EntityProfile profile, String a, String b) {
        List<Link> links = profile.entity().links();
        if (a != null && b != null) {
            Optional<Link> asked = links.stream().filter(l -> l.recordA().equals(a) && l.recordB().equals(b)
                    || l.recordA().equals(b) && l.recordB().equals(a)).findFirst();
            if (asked.isPresent()) return asked;
        }
        return links.stream().filter(l -> l.origin() == Link.Origin.SCORED).min(Comparator.comparingDouble(Link::weight))
                .or(() -> links.stream().findFirst());
    }

    private static EntityProfile found(Connection c, String id) throws SQLException {
        return EntityProfile.find(c, id).orElseThrow(() -> EntityParams.unknown(id));
    }
}
