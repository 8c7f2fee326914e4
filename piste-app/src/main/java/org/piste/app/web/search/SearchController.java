package org.piste.app.web.search;

import org.piste.app.search.Search;
import org.piste.app.web.WebAudit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The results of the header's search box, grouped by kind. */
@Controller
public class SearchController {
    private final Search search;

    public SearchController(Search search) {
        this.search = search;
    }

    @GetMapping("/search")
    public String search(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("results", search.search(WebAudit.actor(), q));
        model.addAttribute("q", q);
        return "search/results";
    }
}
