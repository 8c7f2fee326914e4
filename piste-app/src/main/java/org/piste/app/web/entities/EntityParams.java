package org.piste.app.web.entities;

import java.util.Locale;
import java.util.Optional;
import org.piste.app.entities.EntityQueries;
import org.piste.app.entities.EntityTransfers;
import org.piste.app.store.Database;
import org.piste.app.web.NotFound;

/** Reading the entity pages' and API's parameters the same way (unknown entity: 404; bad value: 400). */
final class EntityParams {
    private EntityParams() {}

    /** The id of the entity the record or entity id belongs to. */
    static String entity(Database database, String id) {
        return new EntityQueries(database).entityOf(id).orElseThrow(() -> unknown(id));
    }

    static NotFound unknown(String id) {
        return new NotFound("no resolved entity or party record '" + id + "' (ids look like 12:S or 12:R)");
    }

    static EntityTransfers.Query transfers(String entityId, String sort, String dir, int page, String transfer) {
        boolean descending = switch (dir.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new IllegalArgumentException("dir must be asc or desc, was '" + dir + "'");
        };
        return new EntityTransfers.Query(entityId, EntityTransfers.Sort.parse(sort), descending, page,
                Optional.ofNullable(transfer));
    }

    static String describe(EntityTransfers.Query q) {
        return "sort=" + q.sort() + (q.descending() ? " desc" : " asc") + " page=" + q.page()
                + q.reference().map(r -> " transfer=" + r).orElse("");
    }
}
