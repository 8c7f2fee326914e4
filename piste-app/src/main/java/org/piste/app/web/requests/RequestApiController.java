package org.piste.app.web.requests;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.piste.app.requests.RequestAbroad;
import org.piste.app.requests.RequestsAbroad;
import org.piste.app.web.WebAudit;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Requests abroad as JSON: the same service calls, need-to-know and audit as the pages (404 for a hidden case). */
@RestController
@RequestMapping("/api/cases/{id}/requests")
@Tag(name = "requests", description = "Requests abroad: mutual legal assistance, police cooperation, foreign FIU")
public class RequestApiController {
    private final RequestsAbroad requests;

    public RequestApiController(RequestsAbroad requests) {
        this.requests = requests;
    }

    /** channel: mla, police or fiu; country: ISO 3166 alpha-2 (or a name); number: optional (EAI-year-n). */
    public record NewRequestBody(String number, String channel, String country, String authority, String question) {}

    /** subjects: record ids among the case's subjects; transfers: transfer ids with a side among them. */
    public record SelectionBody(List<String> subjects, List<Long> transfers) {}

    /** due: YYYY-MM-DD, optional. */
    public record SentBody(String due) {}

    @GetMapping
    @Operation(summary = "The case's requests abroad (LATE: sent and past its due date, in Paris)")
    public List<RequestAbroad> list(Authentication auth, @PathVariable long id) {
        return requests.list(WebAudit.actor(auth), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a request; its package starts empty: choose what it holds (team)")
    public RequestAbroad create(Authentication auth, @PathVariable long id, @RequestBody NewRequestBody body) {
        return requests.create(WebAudit.actor(auth), id, Optional.ofNullable(body.number()), body.channel(),
                body.country(), body.authority(), body.question());
    }

    @GetMapping("/{rid}")
    @Operation(summary = "A request: what may go in its package and what does, packages produced, answer files")
    public RequestAbroad.Detail show(Authentication auth, @PathVariable long id, @PathVariable long rid) {
        return requests.view(WebAudit.actor(auth), id, rid);
    }

    @PostMapping("/{rid}/selection")
    @Operation(summary = "Choose exactly what the package holds (team, while a draft)")
    public RequestAbroad.Detail choose(Authentication auth, @PathVariable long id, @PathVariable long rid,
            @RequestBody SelectionBody body) {
        return requests.choose(WebAudit.actor(auth), id, rid,
                new TreeSet<>(Objects.requireNonNullElse(body.subjects(), List.of())),
                Set.copyOf(Objects.requireNonNullElse(body.transfers(), List.of())));
    }

    @PostMapping("/{rid}/sent")
    @Operation(summary = "Mark the request sent today, with its due date (team; a package must have been produced)")
    public RequestAbroad sent(Authentication auth, @PathVariable long id, @PathVariable long rid,
            @RequestBody SentBody body) {
        return requests.markSent(WebAudit.actor(auth), id, rid, RequestsAbroad.date(body.due()));
    }

    /** A POST: each production is recorded as personal data sent, so no link preview or retry may trigger one. */
    @PostMapping("/{rid}/package")
    @Operation(summary = "Produce the package (zip: transfers.csv, subjects.csv, entities.ftm.json, manifest.json);"
            + " audited with what personal data left and to whom (team)")
    public void makePackage(Authentication auth, @PathVariable long id, @PathVariable long rid,
            HttpServletResponse response) throws IOException {
        PackageDownload.send(requests.makePackage(WebAudit.actor(auth), id, rid), response);
    }
}
