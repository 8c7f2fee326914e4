package org.piste.app.web.imports;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportSummary;
import org.piste.app.imports.SourceRecord;
import org.piste.app.imports.SourceRepository;
import org.piste.app.refusals.Refused;
import org.piste.app.web.PageProblems;
import org.piste.app.web.WebAudit;
import org.piste.ingest.Hashing;
import org.piste.ingest.Profiles;
import org.piste.model.RowCounts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the import pages and the import API do, in one place: list sources, take an upload and start its import,
 * follow a job, page through a source's rejected rows. Every view and change is audited here.
 */
@Component
public class Imports {
    public static final int PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 500;

    private final SourceRepository sources;
    private final ImportJobs jobs;
    private final Uploads uploads;
    private final WebAudit audit;

    public Imports(SourceRepository sources, ImportJobs jobs, Uploads uploads, WebAudit audit) {
        this.sources = sources;
        this.jobs = jobs;
        this.uploads = uploads;
        this.audit = audit;
    }

    /** An imported file as listed. */
    public record SourceView(long id, String sha256, String shortSha256, String fileName, String provider,
            String legalReference, LocalDate receivedOn, String profile, Instant importedAt, RowCounts counts,
            boolean reconciles) {
        static SourceView of(SourceRecord s) {
            var f = s.file();
            return new SourceView(s.id(), f.sha256(), Hashing.shortForm(f.sha256()), f.originalName(), f.provider(),
                    f.legalReference(), f.receivedOn(), f.profile(), f.importedAt(), f.counts(),
                    ImportSummary.reconcile(f.counts()));
        }
    }

    /** The upload form's fields as typed (blank: not given). */
    public record UploadForm(String profile, String provider, String legalReference, String receivedOn,
            String encoding, Boolean dryRun) {
        public UploadForm {
            profile = profile == null ? "" : profile.strip();
            provider = provider == null ? "" : provider.strip();
            legalReference = legalReference == null ? "" : legalReference.strip();
            receivedOn = receivedOn == null ? "" : receivedOn.strip();
            encoding = encoding == null ? "" : encoding.strip();
            dryRun = dryRun != null && dryRun;
        }
    }

    public record QuarantinePage(SourceView source, boolean duplicates, int page, int size, long total, int pages,
            List<SourceRepository.RejectedRow> rows) {}

    public List<String> profiles() {
        return Profiles.BUILT_IN;
    }

    public List<SourceView> sources() {
        return sources.all(WebAudit.actor()).stream().map(SourceView::of).toList();
    }

    /** Stores the upload, then queues its import. */
    public ImportJob.View upload(MultipartFile file, UploadForm form) {
        Function<Path, ImportRequest> request = request(form); // checked before anything is stored
        Uploads.Upload upload = uploads.store(file);
        String sha256;
        try {
            sha256 = Hashing.sha256(upload.file());
        } catch (RuntimeException e) {
            upload.close();
            throw new IllegalArgumentException(upload.explain(e), e);
        }
        ImportJob job = jobs.submit(WebAudit.actor(), upload, sha256, request.apply(upload.file()));
        String id = job.view().id();
        audit.record("import.upload", "import-job:" + id, "file=" + upload.originalName() + " sha256=" + sha256
                + " profile=" + form.profile() + " dryRun=" + form.dryRun());
        return job.view();
    }

    /** The form checked: the request for the file, once stored. */
    static Function<Path, ImportRequest> request(UploadForm form) {
        if (!Profiles.BUILT_IN.contains(form.profile())) {
            // Only built-in profiles: a path would let a user make the server read any file.
            throw new Refused("import.profile", form.profile(), String.join(", ", Profiles.BUILT_IN));
        }
        Optional<LocalDate> received;
        try {
            received = form.receivedOn().isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(form.receivedOn()));
        } catch (DateTimeParseException e) {
            throw new Refused("import.receivedOn", form.receivedOn());
        }
        Optional<Charset> encoding;
        try {
            encoding = form.encoding().isEmpty() ? Optional.empty() : Optional.of(Charset.forName(form.encoding()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new Refused("import.encoding", form.encoding());
        }
        return file -> new ImportRequest(file, form.profile(), form.provider(), form.legalReference(), received,
                encoding, form.dryRun());
    }

    /** A job of the signed-in user; another user's job is refused. */
    public ImportJob.View job(String id) {
        ImportJob job = jobs.find(id).orElseThrow(() -> PageProblems.status(HttpStatus.NOT_FOUND,
                new Refused("import.unknownJob", id)));
        String user = WebAudit.username();
        if (!job.owner().equals(user)) {
            throw PageProblems.status(HttpStatus.FORBIDDEN, new Refused("import.otherUsersJob"));
        }
        if (job.firstViewBy(user)) audit.record("import.view", "import-job:" + id, "file=" + job.view().fileName());
        return job.view();
    }

    public QuarantinePage quarantine(long sourceId, boolean duplicates, int page, int size) {
        SourceView source = sources.findById(sourceId).map(SourceView::of).orElseThrow(() ->
                PageProblems.status(HttpStatus.NOT_FOUND, new Refused("import.unknownSource", sourceId)));
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        long total = sources.countRejections(sourceId, duplicates);
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int current = Math.clamp(page, 1, pages);
        var rows = sources.rejections(WebAudit.actor(), sourceId, duplicates, current, pageSize);
        return new QuarantinePage(source, duplicates, current, pageSize, total, pages, rows);
    }
}
