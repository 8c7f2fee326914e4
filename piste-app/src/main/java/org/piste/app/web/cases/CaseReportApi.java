package org.piste.app.web.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.piste.app.report.ReportParams;
import org.piste.app.report.ReportService;
import org.piste.app.web.WebAudit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The report over the API: the same service, need-to-know (404 for a case you may not see) and audit as the page. */
@RestController
@Tag(name = "cases")
public class CaseReportApi {
    private final ReportService reports;

    public CaseReportApi(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/cases/{id}/report")
    @Operation(summary = "The case's financial-analysis report (PDF) from a frozen snapshot: of one subject (record "
            + "id), as of a timestamp (ISO-8601), or a stored snapshot rendered again (same bytes)")
    public ResponseEntity<byte[]> report(Authentication auth, @PathVariable long id,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) Long snapshot, @RequestParam(required = false) String lang, Locale locale) {
        var actor = WebAudit.actor(auth);
        Locale language = ReportParams.language(lang == null ? locale : Locale.forLanguageTag(lang));
        ReportService.Issued issued = snapshot != null ? reports.reissue(actor, id, snapshot, language)
                : reports.report(actor, id, ReportDownload.text(subject), ReportParams.asOf(asOf), language);
        return ReportDownload.of(issued);
    }
}
