package org.piste.app.web.imports;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.piste.app.accounts.Actor;
import org.piste.app.imports.ImportRequest;
import org.piste.app.pipeline.Changes;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs uploads' imports one at a time (each import is one large transaction; running two would only make both
 * slower) on a thread of their own, and remembers the last jobs in memory: a restart forgets them (the imported
 * sources stay stored).
 */
@Component
public class ImportJobs implements DisposableBean {
    private static final int KEPT = 200;

    private final Changes changes;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "piste-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();

    public ImportJobs(Changes changes) {
        this.changes = changes;
    }

    /** Queues the import of an upload for the user who sent it; the job deletes the upload when done. */
    public ImportJob submit(Actor owner, Uploads.Upload upload, String sha256, ImportRequest request) {
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), owner, upload.originalName(), sha256, request);
        synchronized (jobs) {
            jobs.put(job.view().id(), job);
            forgetOldest();
        }
        executor.execute(() -> job.run(changes, upload));
        return job;
    }

    public Optional<ImportJob> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    private void forgetOldest() {
        Iterator<ImportJob> it = jobs.values().iterator();
        while (jobs.size() > KEPT && it.hasNext()) {
            if (it.next().view().finished()) it.remove();
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
