package org.piste.app.web.entities;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.entities.EntityProfile;
import org.piste.app.entities.EntityTransfers;
import org.piste.app.pipeline.Changes;
import org.piste.app.pipeline.Decided;
import org.piste.app.resolve.DecisionStore;
import org.piste.app.store.Database;
import org.piste.app.web.WebAudit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Entities as JSON: who (variants, links, decisions), their transfers, CSV export, same/not-same decisions. */
@RestController
@RequestMapping("/api/entities")
@Tag(name = "entities", description = "Resolved people: identity variants and why they were merged, transfers, decisions")
public class EntitiesApi {
    private final Database database;
    private final EntityTransfers transfers;
    private final Changes changes;
    private final WebAudit audit;

    public EntitiesApi(Database database, WebAudit audit, Changes changes) {
        this.database = database;
        this.transfers = new EntityTransfers(database);
        this.changes = changes;
        this.audit = audit;
    }

    /** An entity as the page shows it, with the rulings on its alerts. */
    public record EntityView(EntityProfile profile, List<AlertDecisions.Stored> alertDecisions) {}

    @GetMapping("/{id}")
    @Operation(summary = "An entity (by entity or party record id): variants as written with source rows, links with evidence, decisions")
    public EntityView entity(@PathVariable String id) {
        EntityPage shown = EntityPage.profile(database.dataSource(), id);
        audit.record("entity.view", "entity:" + shown.profile().entity().id(), "api");
        return new EntityView(shown.profile(), shown.alertDecisions());
    }

    @GetMapping("/{id}/transfers")
    @Operation(summary = "A page (50) of the entity's transfers, both directions, sorted by date, amount or counterparty")
    public EntityTransfers.Page transfers(@PathVariable String id, @RequestParam(defaultValue = "date") String sort,
            @RequestParam(defaultValue = "desc") String dir, @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String transfer) {
        String entity = EntityParams.entity(database, id);
        EntityTransfers.Query q = EntityParams.transfers(entity, sort, dir, page, transfer);
        audit.record("entity.transfers", "entity:" + entity, "api " + EntityParams.describe(q));
        return transfers.page(q);
    }

    @GetMapping(value = "/{id}/transfers.csv", produces = "text/csv")
    @Operation(summary = "All the entity's transfers as CSV: `,` and `.` for tools, as before; with ?lang=fr the French form (`;`, decimal comma and a UTF-8 BOM, for a French spreadsheet). Cells that would be spreadsheet formulas get a leading quote")
    public void csv(@PathVariable String id, @RequestParam(name = "lang", required = false) String lang,
            HttpServletResponse response) throws IOException {
        String entity = EntityParams.entity(database, id);
        audit.record("entity.export", "entity:" + entity, "api transfers.csv");
        // A script's export must not change with the server's default language: French only when asked for.
        EntityCsvResponse.write(database, entity, "fr".equals(lang) ? Locale.FRENCH : Locale.ENGLISH, response);
    }

    /** Two party records and the ruling: "same" or "not-same". */
    public record DecisionRequest(String recordA, String recordB, String decision, String note) {}

    @PostMapping("/decisions")
    @Operation(summary = "Record that two party records are (not) the same person; then resolve and screen again")
    public Decided<DecisionStore.Stored> decide(@RequestBody DecisionRequest body) {
        if (body.recordA() == null || body.recordB() == null || body.decision() == null) {
            throw new IllegalArgumentException("the body needs recordA, recordB and decision (same or not-same)");
        }
        var kind = DecisionStore.kind(body.decision());
        String note = body.note() == null ? "" : body.note();
        return changes.decideSamePerson(WebAudit.actor(), body.recordA(), body.recordB(), kind, note).decided();
    }
}
