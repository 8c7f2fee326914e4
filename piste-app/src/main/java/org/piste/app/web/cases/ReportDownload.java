package org.piste.app.web.cases;

import java.util.Optional;
import org.piste.app.report.ReportService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The report as a download, for the page and the API alike: a PDF attachment named after the case and snapshot. */
final class ReportDownload {
    private ReportDownload() {}

    static ResponseEntity<byte[]> of(ReportService.Issued issued) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(issued.fileName())
                        .build().toString())
                .header("X-Piste-Snapshot", Long.toString(issued.snapshotId()))
                .header("X-Piste-Pdf-Sha256", issued.pdfSha256())
                .body(issued.pdf());
    }

    static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
