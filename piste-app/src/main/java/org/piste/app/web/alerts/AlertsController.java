package org.piste.app.web.alerts;

import java.util.Arrays;
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
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + Alerts.PAGE_SIZE) int size, Model model) {
        Alerts.Filter filter = AlertParams.filter(side, minScore, indicator, status, q, page, size);
        model.addAttribute("filter", filter);
        model.addAttribute("shown", AlertParams.Shown.of(filter.statuses()).param());
        model.addAttribute("alerts", requests.list(filter).orElse(null));
        model.addAttribute("topShare", AlertCut.TOP_SHARE * 100);
        model.addAttribute("minAlerts", AlertCut.MIN_ALERTS);
        model.addAttribute("shownChoices", Arrays.stream(AlertParams.Shown.values()).map(AlertParams.Shown::param).toList());
        model.addAttribute("sizes", Alerts.SIZES);
        model.addAttribute("saved", requests.savedFilters());
        return "alerts/list";
    }

    /** Saves the filter in the form under a name, for the signed-in user, and shows it applied. */
    @PostMapping("/alerts/filters")
    public String saveFilter(@RequestParam(defaultValue = "") String filterName, @RequestParam(defaultValue = "SENDER") String side,
            @RequestParam(required = false) Double minScore, @RequestParam(required = false) String indicator,
            @RequestParam(defaultValue = "") String status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "" + Alerts.PAGE_SIZE) int size) {
        return "redirect:/alerts?" + requests.saveFilter(filterName,
                AlertParams.filter(side, minScore, indicator, status, q, 1, size));
    }

    @PostMapping("/alerts/filters/{id}/delete")
    public String deleteFilter(@PathVariable long id) {
        requests.deleteFilter(id);
        return "redirect:/alerts";
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
