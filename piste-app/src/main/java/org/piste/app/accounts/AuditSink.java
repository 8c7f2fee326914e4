package org.piste.app.accounts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Where each checkpoint line is also sent, if configured (PISTE_AUDIT_CHECKPOINT_URL, or the system property
 * piste.audit.checkpoint-url): an HTTP POST of the line as text/plain to a log collector run by someone else, whose
 * copy the OS account owning PISTE_HOME cannot take back. A 2xx answer is success.
 */
record AuditSink(URI uri) {
    static final String VARIABLE = "PISTE_AUDIT_CHECKPOINT_URL";
    static final String PROPERTY = "piste.audit.checkpoint-url";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    static Optional<AuditSink> configured() {
        return Optional.ofNullable(System.getProperty(PROPERTY, System.getenv(VARIABLE))).filter(u -> !u.isBlank())
                .map(u -> new AuditSink(URI.create(u.strip())));
    }

    void send(String line) throws IOException {
        HttpRequest post = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "text/plain; charset=US-ASCII")
                .POST(HttpRequest.BodyPublishers.ofString(line + "\n")).build();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            int status = client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) throw new IOException(uri + " answered " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to " + uri, e);
        }
    }
}
