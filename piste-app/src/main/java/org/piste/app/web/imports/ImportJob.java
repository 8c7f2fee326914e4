package org.piste.app.web.imports;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.piste.app.accounts.Actor;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRate;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportSummary;
import org.piste.app.pipeline.Changes;
import org.piste.app.pipeline.RefreshSummary;

/**
 * One upload being imported in the background: its progress (written by the import thread, read by the pages
 * that poll it), then its summary or its error, then the refresh that follows a real import. Held in memory only.
 */
public final class ImportJob implements Changes.ImportProgress {
    public enum State { QUEUED, READING, REFRESHING, DONE, FAILED }

    /** What a page or an API answer shows of the job. */
    public record View(String id, String fileName, String sha256, String profile, boolean dryRun, State state,
            Instant submittedAt, Progress progress, Optional<ImportSummary> summary, Optional<String> error,
            Optional<RefreshSummary> refresh) {
        public boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }
    }

    public record Progress(long bytesRead, long totalBytes, long rowsRead, long rowsPerSecond, int percent,
            Optional<Long> etaSeconds) {}

    private final String id;
    private final Actor owner;
    private final String fileName;
    private final String sha256;
    private final ImportRequest request;
    private final Instant submittedAt = Instant.now();
    private final Set<String> viewers = ConcurrentHashMap.newKeySet();
    private volatile State state = State.QUEUED;
    private volatile long started;
    private volatile ImportRate rate;
    private volatile ImportSummary summary;
    private volatile String error;
    private volatile RefreshSummary refresh;

    ImportJob(String id, Actor owner, String fileName, String sha256, ImportRequest request) {
        this.id = id;
        this.owner = owner;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.request = request;
        this.rate = new ImportRate(0, 0, 0, 0);
    }

    /** The user who sent the upload. */
    public String owner() {
        return owner.username();
    }

    /** True the first time this user looks at the job (a view is audited once per user, not at every poll). */
    boolean firstViewBy(String username) {
        return viewers.add(username);
    }

    @Override
    public void update(long bytesRead, long totalBytes, long rowsRead) {
        rate = new ImportRate(bytesRead, totalBytes, rowsRead, (System.nanoTime() - started) / 1e9);
    }

    @Override
    public void stored(ImportOutcome.Imported imported) {
        summary = ImportSummary.of(imported);
        state = State.REFRESHING;
    }

    /** Imports, then refreshes after a real import; the upload is deleted whatever happens. */
    void run(Changes changes, Uploads.Upload upload) {
        try (upload) {
            started = System.nanoTime();
            state = State.READING;
            Changes.Imported<ImportOutcome> done = changes.importTransfers(owner, request, this);
            summary = ImportSummary.of(done.outcome());
            refresh = done.summary().orElse(null);
            state = State.DONE;
        } catch (RuntimeException e) {
            error = upload.explain(e);
            state = State.FAILED;
        }
    }

    public View view() {
        ImportRate r = rate;
        return new View(id, fileName, sha256, request.profile(), request.dryRun(), state, submittedAt,
                new Progress(r.bytesRead(), r.totalBytes(), r.rowsRead(), r.rowsPerSecond(), r.percent(), r.etaSeconds()),
                Optional.ofNullable(summary), Optional.ofNullable(error), Optional.ofNullable(refresh));
    }
}
