package org.piste.app.web.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.alerts.Alerts;
import org.piste.app.alerts.Explanations;
import org.piste.app.pipeline.Decided;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The alerts of the latest screening run, their explanations and rulings, as JSON (same services as the pages). */
@RestController
@RequestMapping("/api/alerts")
@Tag(name = "alerts", description = "Ranked senders and recipients of the latest screening run, explained; analysts' rulings")
public class AlertsApi {
    private final AlertRequests requests;

    public AlertsApi(AlertRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    @Operation(summary = "A page of one side's ranking (size rows, 50 by default, at most 200), open alerts unless status "
            + "says decided, confirmed, dismissed, none or all; filtered by minimum score, indicator, name")
    public Alerts.Page list(@RequestParam(defaultValue = "SENDER") String side, @RequestParam(required = false) Double minScore,
            @RequestParam(required = false) String indicator, @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + Alerts.PAGE_SIZE) int size) {
        Alerts.Filter filter = AlertParams.filter(side, minScore, indicator, status, q, page, size);
        return requests.list(filter).orElseThrow(AlertParams::nothingScreened);
    }

    @GetMapping("/{side}/{entityId}")
    @Operation(summary = "Why an entity scored what it did: every contribution with its evidence transfers' source rows")
    public Explanations.Explanation explain(@PathVariable String side, @PathVariable String entityId) {
        return requests.view(side, entityId);
    }

    /** A ruling: "confirm" or "dismiss" (a dismissal needs a note). */
    public record DecisionRequest(String decision, String note) {}

    @PostMapping("/{side}/{entityId}/decision")
    @Operation(summary = "Confirm (the entity seeds screening) or dismiss (note required) an alert; then resolve and screen again")
    public Decided<AlertDecisions.Stored> decide(@PathVariable String side, @PathVariable String entityId,
            @RequestBody DecisionRequest body) {
        return requests.decide(side, entityId, body.decision(), body.note());
    }
}
