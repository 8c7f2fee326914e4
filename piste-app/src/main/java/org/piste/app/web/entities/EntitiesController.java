package org.piste.app.web.entities;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.piste.app.entities.EntityCharts;
import org.piste.app.entities.EntityTransfers;
import org.piste.app.pipeline.Changes;
import org.piste.app.resolve.DecisionStore;
import org.piste.app.store.Database;
import org.piste.app.web.Redirects;
import org.piste.app.web.WebAudit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The entity page: identity variants and links, decisions, transfers (htmx pages), CSV export, chart data. */
@Controller
public class EntitiesController {
    private final Database database;
    private final EntityTransfers transfers;
    private final EntityCharts charts;
    private final Changes changes;
    private final WebAudit audit;

    public EntitiesController(Database database, WebAudit audit, Changes changes) {
        this.database = database;
        this.transfers = new EntityTransfers(database);
        this.charts = new EntityCharts(database);
        this.changes = changes;
        this.audit = audit;
    }

    @GetMapping("/entities/{id}")
    public String show(@PathVariable String id, @RequestParam(defaultValue = "date") String sort,
            @RequestParam(defaultValue = "desc") String dir, @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String transfer, @RequestParam(required = false) String a,
            @RequestParam(required = false) String b, Model model) {
        EntityPage shown = EntityPage.page(database.dataSource(), id,
                entity -> EntityParams.transfers(entity, sort, dir, page, transfer));
        EntityTransfers.Page transfersPage = shown.transfers().orElseThrow();
        EntityTransfers.Query q = transfersPage.query();
        audit.record("entity.view", "entity:" + q.entityId(), "page" + (q.reference().isPresent() ? " " + EntityParams.describe(q) : ""));
        model.addAttribute("profile", shown.profile());
        model.addAttribute("alertDecisions", shown.alertDecisions());
        model.addAttribute("screenings", shown.screenings());
        model.addAttribute("transfers", transfersPage);
        model.addAttribute("summary", shown.summary().orElseThrow());
        model.addAttribute("compared", EntityPage.compared(shown.profile(), a, b));
        return "entities/show";
    }

    @GetMapping("/entities/{id}/transfers")
    public String transfers(@PathVariable String id, @RequestParam(defaultValue = "date") String sort,
            @RequestParam(defaultValue = "desc") String dir, @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String transfer, Model model) {
        String entity = EntityParams.entity(database, id);
        EntityTransfers.Query q = EntityParams.transfers(entity, sort, dir, page, transfer);
        audit.record("entity.transfers", "entity:" + entity, EntityParams.describe(q));
        model.addAttribute("entityId", entity);
        model.addAttribute("transfers", transfers.page(q));
        return "entities/transfers :: transfers";
    }

    @GetMapping(value = "/entities/{id}/charts.json", produces = "application/json")
    @ResponseBody
    public EntityCharts.Charts charts(@PathVariable String id) {
        String entity = EntityParams.entity(database, id);
        audit.record("entity.view", "entity:" + entity, "charts");
        return charts.charts(entity);
    }

    @GetMapping("/entities/{id}/transfers.csv")
    public void csv(@PathVariable String id, Locale locale, HttpServletResponse response) throws IOException {
        String entity = EntityParams.entity(database, id);
        audit.record("entity.export", "entity:" + entity, "transfers.csv");
        EntityCsvResponse.write(database, entity, locale, response);
    }

    @PostMapping("/entities/decisions")
    public String decide(@RequestParam String recordA, @RequestParam String recordB, @RequestParam String decision,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        var kind = DecisionStore.kind(decision);
        var decided = changes.decideSamePerson(WebAudit.actor(), recordA, recordB, kind, note).decided();
        var d = decided.decision().decision();
        redirect.addFlashAttribute("decided", decided);
        String back = new org.piste.app.entities.EntityQueries(database).entityOf(d.recordA()).orElse(d.recordA());
        return Redirects.to("/entities/{id}", "decisions", back);
    }
}
