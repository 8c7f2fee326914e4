package org.piste.app.web.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Objects;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseService;
import org.piste.app.web.WebAudit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Case files as JSON: the same service calls, need-to-know and audit as the pages (404 for a case you may not see). */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "cases", description = "Case files: team, subjects, evidence, notes, status, deconfliction")
public class CaseApiController {
    private final CaseService cases;

    public CaseApiController(CaseService cases) {
        this.cases = cases;
    }

    public record NewCaseBody(String reference, String title) {}

    /** action: "add" (default) or "remove". */
    public record MemberBody(String username, String action) {}

    /** Add: recordId (or entityId) and kind. Remove: action "remove" and subjectId. */
    public record SubjectBody(String recordId, String entityId, String kind, String action, Long subjectId) {}

    /** transfer: its reference or its id. */
    public record EvidenceBody(String transfer, String note) {}

    public record NoteBody(String text) {}

    public record StatusBody(String status) {}

    @GetMapping
    @Operation(summary = "The cases you see: your team's, or all for a prosecutor")
    public List<CaseFile.Summary> list(Authentication auth) {
        return cases.list(WebAudit.actor(auth));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a case; you become its lead")
    public CaseFile create(Authentication auth, @RequestBody NewCaseBody body) {
        return cases.create(WebAudit.actor(auth), body.reference(), body.title());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case file: team, subjects, evidence with provenance, notes, timeline, conflicts")
    public CaseFile show(Authentication auth, @PathVariable long id) {
        return cases.view(WebAudit.actor(auth), id);
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add or remove a team member (lead or prosecutor)")
    public CaseFile members(Authentication auth, @PathVariable long id, @RequestBody MemberBody body) {
        var actor = WebAudit.actor(auth);
        if ("remove".equals(body.action())) cases.removeMember(actor, id, text(body.username()));
        else cases.addMember(actor, id, text(body.username()));
        return cases.view(actor, id);
    }

    @PostMapping("/{id}/subjects")
    @Operation(summary = "Add a subject (with the conflicts it brings) or remove one (team)")
    public ResponseEntity<?> subjects(Authentication auth, @PathVariable long id, @RequestBody SubjectBody body) {
        var actor = WebAudit.actor(auth);
        if ("remove".equals(body.action())) {
            if (body.subjectId() == null) throw new IllegalArgumentException("removing a subject needs its subjectId");
            cases.removeSubject(actor, id, body.subjectId());
            return ResponseEntity.ok(cases.view(actor, id));
        }
        String record = body.recordId() != null ? body.recordId() : text(body.entityId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(cases.addSubject(actor, id, record, CaseFile.SubjectKind.parse(text(body.kind()))));
    }

    @PostMapping("/{id}/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a transfer (by reference or id) as evidence, with its provenance (team)")
    public CaseFile.Evidence evidence(Authentication auth, @PathVariable long id, @RequestBody EvidenceBody body) {
        return cases.addEvidence(WebAudit.actor(auth), id, text(body.transfer()), text(body.note()));
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Add a note (team or prosecutor)")
    public CaseFile notes(Authentication auth, @PathVariable long id, @RequestBody NoteBody body) {
        var actor = WebAudit.actor(auth);
        cases.addNote(actor, id, text(body.text()));
        return cases.view(actor, id);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Change the status: open, suspended, closed (lead or prosecutor)")
    public CaseFile status(Authentication auth, @PathVariable long id, @RequestBody StatusBody body) {
        var actor = WebAudit.actor(auth);
        cases.setStatus(actor, id, CaseFile.Status.parse(text(body.status())));
        return cases.view(actor, id);
    }

    @GetMapping("/{id}/conflicts")
    @Operation(summary = "Other cases sharing a subject: whom to contact, nothing of their content")
    public List<CaseFile.Conflict> conflicts(Authentication auth, @PathVariable long id) {
        return cases.conflicts(WebAudit.actor(auth), id);
    }


    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
