package org.piste.app.web.cases;

import java.util.Locale;
import org.piste.app.report.ReportParams;
import org.piste.app.report.ReportService;
import org.piste.app.web.WebAudit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The case page's report button: the PDF of the case (or one subject) as of now or a timestamp. */
@Controller
public class CaseReportController {
    private final ReportService reports;

    public CaseReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/cases/{id}/report")
    public ResponseEntity<byte[]> report(Authentication auth, @PathVariable long id,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String asOf, Locale locale) {
        return ReportDownload.of(reports.report(WebAudit.actor(auth), id, ReportDownload.text(subject),
                ReportParams.asOf(asOf), ReportParams.language(locale)));
    }
}
