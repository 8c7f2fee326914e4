package org.piste.app.web.alerts;

import java.util.Optional;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.alerts.Alerts;
import org.piste.app.alerts.Explanations;
import org.piste.app.pipeline.Decided;
import org.piste.screen.AlertCut;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The alerts page: a side's ranking with filters, each row's explanation (htmx) and the analysts' rulings. */
@Controller
public class AlertsController {
    private final AlertRequests requests;

    public AlertsController(AlertRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/alerts")
    public String list(@RequestParam(defaultValue = "SENDER") String side, @RequestParam(required = false) Double minScore,
            @RequestParam(required = false) String indicator, @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        Alerts.Filter filter = AlertParams.filter(side, minScore, indicator, status, q, page);
        model.addAttribute("filter", filter);
        model.addAttribute("alerts", requests.list(filter).orElse(null));
        model.addAttribute("topShare", AlertCut.TOP_SHARE * 100);
        model.addAttribute("minAlerts", AlertCut.MIN_ALERTS);
        model.addAttribute("statuses", Alerts.Status.values());
        return "alerts/list";
    }

    @GetMapping("/alerts/{side}/{entityId}")
    public String explain(@PathVariable String side, @PathVariable String entityId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("x", requests.view(side, entityId));
        return htmx != null ? "alerts/explanation :: explanation" : "alerts/show";
    }

    @PostMapping("/alerts/{side}/{entityId}/decision")
    public String decide(@PathVariable String side, @PathVariable String entityId, @RequestParam String decision,
            @RequestParam(defaultValue = "") String note, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Decided<AlertDecisions.Stored> decided = requests.decide(side, entityId, decision, note);
        model.addAttribute("refreshed", decided.refresh());
        Optional<Explanations.Explanation> after = requests.after(decided);
        if (after.isEmpty()) return "redirect:/alerts?side=" + decided.decision().side(); // an enum's name
        model.addAttribute("x", after.get());
        return htmx != null ? "alerts/explanation :: explanation" : "alerts/show";
    }
}
