package org.piste.app.web.entities;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.piste.app.entities.EntityCsv;
import org.piste.app.store.Database;

/** Sends an entity's transfers as a CSV download (pages and API). */
final class EntityCsvResponse {
    private EntityCsvResponse() {}

    static void write(Database database, String entityId, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"entity-" + entityId.replace(':', '-') + "-transfers.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        EntityCsv.write(database, entityId, response.getWriter());
    }
}
