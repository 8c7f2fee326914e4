package org.piste.app.web.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The import API: the same operations as the pages, through {@link Imports}. */
@RestController
@Tag(name = "imports", description = "Imported files, uploads and their quarantined rows")
public class ImportsApi {
    private final Imports imports;

    public ImportsApi(Imports imports) {
        this.imports = imports;
    }

    @GetMapping("/api/imports")
    @Operation(summary = "Imported files with their row counts (read = accepted + quarantined + duplicates)")
    public List<Imports.SourceView> list() {
        return imports.sources();
    }

    public record Accepted(String jobId, String location, ImportJob.View job) {}

    @PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Uploads a file and starts its import in the background (one at a time); follow the job at Location")
    public ResponseEntity<Accepted> upload(@RequestPart(name = "file", required = false) MultipartFile file,
            @ModelAttribute Imports.UploadForm form) {
        ImportJob.View job = imports.upload(file, form);
        String location = "/api/imports/jobs/" + job.id();
        return ResponseEntity.accepted().location(URI.create(location)).body(new Accepted(job.id(), location, job));
    }

    @GetMapping("/api/imports/jobs/{id}")
    @Operation(summary = "An import job of the caller: progress, then summary or error, then the refresh's outcome")
    public ImportJob.View job(@PathVariable String id) {
        return imports.job(id);
    }

    @GetMapping("/api/imports/{sourceId}/quarantine")
    @Operation(summary = "A page of a source's rejected rows (raw text included: personal data, audited)")
    public Imports.QuarantinePage quarantine(@PathVariable long sourceId,
            @RequestParam(defaultValue = "false") boolean duplicates, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + Imports.PAGE_SIZE) int size) {
        return imports.quarantine(sourceId, duplicates, page, size);
    }
}
