package org.piste.app.web.entities;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
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

/**
 * What one view of an entity shows, read in one snapshot ({@link Transactions#inSnapshot}): a resolution or a
 * screening committed while the page is read cannot put the members of one run beside the links, rulings, scores or
 * transfers of another.
 *
 * @param screenings the latest run's score on each side the entity was ranked on, with every contribution
 * @param transfers the requested page of transfers; empty for the API's view, which pages them on its own
 */
record EntityPage(EntityProfile profile, List<AlertDecisions.Stored> alertDecisions,
        List<Explanations.Explanation> screenings, Optional<EntityTransfers.Page> transfers) {

    /** The profile and the rulings on its alerts (the API's view). */
    static EntityPage profile(DataSource dataSource, String id) {
        return Transactions.inSnapshot(dataSource, "read the entity", c -> {
            EntityProfile profile = found(c, id);
            return new EntityPage(profile, AlertDecisions.forEntity(c, profile.entity().id()), List.of(), Optional.empty());
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
                    Optional.of(EntityTransfers.page(c, q)));
        });
    }

    private static EntityProfile found(Connection c, String id) throws SQLException {
        return EntityProfile.find(c, id).orElseThrow(() -> EntityParams.unknown(id));
    }
}
