package org.piste.app.web.requisitions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.piste.app.requisitions.Deadlines;
import org.piste.app.requisitions.Requisition;
import org.piste.app.requisitions.RequisitionService;
import org.piste.app.requisitions.RequisitionText;
import org.piste.app.web.WebAudit;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Requisitions as JSON: the same service, need-to-know (404 for a case you may not see) and audit as the pages. */
@RestController
@Tag(name = "requisitions", description = "Requisitions of a case to operators, banks, e-wallets; deadlines")
public class RequisitionApiController {
    private final RequisitionService requisitions;
    private final Deadlines deadlines;

    public RequisitionApiController(RequisitionService requisitions, Deadlines deadlines) {
        this.requisitions = requisitions;
        this.deadlines = deadlines;
    }

    /** number: optional (the next REQ-year-nnnn); kind: operator, bank, ewallet; basis: 60-1, 77-1-1, 99-3. */
    public record DraftBody(String number, String addressee, String kind, String basis, String from, String to,
            List<String> identifiers) {}

    /** sentOn: optional (today); dueOn: optional (30 days after it was sent). */
    public record SentBody(String sentOn, String dueOn) {}

    /** A requisition, its state (LATE derived, never stored) and its French text. */
    public record Shown(Requisition requisition, Requisition.Shown state, String text) {}

    @GetMapping("/api/cases/{id}/requisitions")
    @Operation(summary = "A case's requisitions, with the exports that answered them and their row counts")
    public List<Shown> list(Authentication auth, @PathVariable long id) {
        return requisitions.list(WebAudit.actor(auth), id).stream().map(this::shown).toList();
    }

    @PostMapping("/api/cases/{id}/requisitions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a requisition: the case's subjects' identifiers and evidence MTCNs are filled in")
    public Shown draft(Authentication auth, @PathVariable long id, @RequestBody DraftBody body) {
        return shown(requisitions.draft(WebAudit.actor(auth), id, new RequisitionService.NewRequisition(
                Optional.ofNullable(body.number()), text(body.addressee()),
                Requisition.AddresseeKind.parse(Objects.requireNonNullElse(body.kind(), "operator")),
                Requisition.LegalBasis.parse(text(body.basis())), Requisition.day(text(body.from())),
                Requisition.day(text(body.to())), Objects.requireNonNullElse(body.identifiers(), List.of()))));
    }

    @GetMapping("/api/cases/{id}/requisitions/{rid}")
    @Operation(summary = "A requisition, its answers (row counts of the linked files) and its French text")
    public Shown show(Authentication auth, @PathVariable long id, @PathVariable long rid) {
        return shown(requisitions.show(WebAudit.actor(auth), id, rid));
    }

    @PostMapping("/api/cases/{id}/requisitions/{rid}/sent")
    @Operation(summary = "Mark a draft sent (due 30 days later unless dueOn says)")
    public Shown sent(Authentication auth, @PathVariable long id, @PathVariable long rid, @RequestBody SentBody body) {
        String on = text(body.sentOn()), due = text(body.dueOn());
        return shown(requisitions.markSent(WebAudit.actor(auth), id, rid,
                on.isBlank() ? requisitions.today() : Requisition.day(on),
                due.isBlank() ? Optional.empty() : Optional.of(Requisition.day(due))));
    }

    @GetMapping("/api/deadlines")
    @Operation(summary = "What is late and what is due within 7 days, on the cases you see")
    public List<Deadlines.Deadline> deadlines(Authentication auth) {
        return deadlines.list(WebAudit.actor(auth));
    }

    private Shown shown(Requisition r) {
        return new Shown(r, r.shown(requisitions.today()), RequisitionText.of(r));
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
