package org.piste.app.web.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.piste.app.search.Search;
import org.piste.app.search.SearchResults;
import org.piste.app.web.WebAudit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The search as JSON, the same results as the page. */
@RestController
@Tag(name = "search", description = "People by name, phone, ID number or e-mail; transfers by reference; visible case files")
public class SearchApi {
    private final Search search;

    public SearchApi(Search search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    @Operation(summary = "Search people (name with accents, particles and nicknames folded; phone in any format; ID "
            + "number; e-mail), transfers by reference (MTCN) and the case files the user may see; each group capped "
            + "at 20 with its count (personal data, audited). A query under 3 characters finds nothing (kind TOO_SHORT)")
    public SearchResults search(@RequestParam(defaultValue = "") String q) {
        return search.search(WebAudit.actor(), q);
    }
}
