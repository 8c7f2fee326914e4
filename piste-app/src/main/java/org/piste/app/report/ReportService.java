package org.piste.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseRefusal;
import org.piste.app.cases.CaseService;
import org.piste.app.refusals.Refused;
import org.piste.app.store.Transactions;
import org.piste.ingest.Hashing;
import org.piste.model.RecordId;

/**
 * The financial-analysis report of a case: freezes a snapshot (or finds the stored one with the same content),
 * renders it, records the PDF issued and audits it in the same transaction, with an entry on the case's timeline.
 * Need-to-know is the case's (CaseService.visible): its team and prosecutors; anyone else is told the case does not exist.
 */
public final class ReportService {
    private final DataSource dataSource;
    private final Clock clock;

    public ReportService(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A PDF issued: from which snapshot, its SHA-256 and pages, and how long the snapshot and the rendering took. */
    public record Issued(long issueId, long snapshotId, long caseId, String caseReference, String snapshotSha256,
            String pdfSha256, int pages, byte[] pdf, double snapshotSeconds, double renderSeconds) {
        /** The file name pages and the API give: rapport-REFERENCE-SNAPSHOT.pdf, the reference kept to safe characters. */
        public String fileName() {
            return "rapport-" + caseReference.replaceAll("[^A-Za-z0-9._-]+", "-") + "-" + snapshotId + ".pdf";
        }
    }

    /** The report of the case (or of one subject, by its record id) as of the timestamp (now when empty). */
    public Issued report(Actor a, long caseId, Optional<String> subject, Optional<Instant> asOf, Locale locale) {
        Instant at = ReportSnapshots.stored(asOf.orElseGet(clock::instant));
        Optional<String> record = subject.map(String::strip).filter(s -> !s.isEmpty()).map(s -> RecordId.parse(s)
                .map(RecordId::toString).orElseThrow(() -> new Refused("report.notASubject", s)));
        return inTransaction(c -> {
            CaseFile.Summary kase = CaseService.visible(c, a, caseId);
            long started = System.nanoTime();
            ReportSnapshot s = ReportSnapshots.build(c, kase, CaseService.subjectsIn(c, caseId), displayName(c, a),
                    record, at);
            ReportSnapshots.Stored stored = ReportSnapshots.store(c, s, a.username());
            return issue(c, a, kase, stored, locale, (System.nanoTime() - started) / 1e9, "");
        });
    }

    /**
     * For the demo (cli.DemoCommand): the case's report as of now, in French, written to {@code out}; the same
     * service, need-to-know and audit as every other door.
     */
    public static Issued writeDemo(DataSource dataSource, Actor a, long caseId, java.nio.file.Path out) {
        Issued issued = new ReportService(dataSource, Clock.systemUTC()).report(a, caseId, Optional.empty(),
                Optional.empty(), Locale.FRANCE);
        try {
            java.nio.file.Files.write(out, issued.pdf());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + out, e);
        }
        return issued;
    }

    /** The stored snapshot rendered again: the same snapshot and language give the same bytes. */
    public Issued reissue(Actor a, long snapshotId, Locale locale) {
        return reissue(a, Optional.empty(), snapshotId, locale);
    }

    /** {@link #reissue(Actor, long, Locale)} of a snapshot that must be of this case. */
    public Issued reissue(Actor a, long caseId, long snapshotId, Locale locale) {
        return reissue(a, Optional.of(caseId), snapshotId, locale);
    }

    private Issued reissue(Actor a, Optional<Long> caseId, long snapshotId, Locale locale) {
        return inTransaction(c -> {
            if (caseId.isPresent()) CaseService.visible(c, a, caseId.get()); // the case first: 404 to outsiders
            ReportSnapshots.Stored stored = ReportSnapshots.load(c, snapshotId)
                    .filter(s -> caseId.isEmpty() || caseId.get() == s.caseId())
                    .orElseThrow(() -> new Refused("report.noSnapshot", snapshotId));
            CaseFile.Summary kase;
            try {
                kase = CaseService.visible(c, a, stored.caseId());
            } catch (CaseRefusal.NotFound e) {
                throw new Refused("report.noSnapshot", snapshotId); // a snapshot of a case one may not see: none
            }
            return issue(c, a, kase, stored, locale, 0, " reissue");
        });
    }

    /** Where a PDF came from, when Piste issued it. */
    public record Provenance(long issueId, long snapshotId, long caseId, Optional<String> caseReference, String madeBy,
            Instant madeAt, Instant asOf, String snapshotSha256, int pages, String locale) {}

    /**
     * Whether Piste issued this file, by its SHA-256 (audited). The case's reference is given only to those who may
     * see the case; to others, that Piste issued it and when.
     */
    public Optional<Provenance> verify(Actor a, byte[] pdf) {
        String sha = Hashing.sha256(pdf);
        return inTransaction(c -> {
            Optional<Provenance> found = find(c, a, sha);
            Optional<Long> forCase = found.filter(p -> p.caseReference().isPresent()).map(Provenance::caseId);
            AuditLog.append(c, new AuditEvent.Entry(a.username(), "report.verify", "pdf:" + sha, forCase,
                    found.map(p -> "issue " + p.issueId()).orElse("not issued by Piste")));
            return found;
        });
    }

    private static Optional<Provenance> find(Connection c, Actor a, String sha) throws SQLException {
        Optional<Provenance> found = Optional.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.id, i.snapshot_id, s.case_id, i.made_by, "
                + "i.made_at, s.as_of, s.content_sha256, i.pages, i.locale FROM report_issue i JOIN report_snapshot s "
                + "ON s.id = i.snapshot_id WHERE i.pdf_sha256 = ? ORDER BY i.id LIMIT 1")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    found = Optional.of(new Provenance(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            reference(c, a, rs.getLong(3)), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(),
                            rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7), rs.getInt(8),
                            rs.getString(9)));
                }
            }
        }
        return found;
    }

    private static Optional<String> reference(Connection c, Actor a, long caseId) throws SQLException {
        try {
            return Optional.of(CaseService.visible(c, a, caseId).reference());
        } catch (CaseRefusal e) {
            return Optional.empty();
        }
    }

    private static Issued issue(Connection c, Actor a, CaseFile.Summary kase, ReportSnapshots.Stored stored,
            Locale locale, double snapshotSeconds, String how) throws SQLException {
        long started = System.nanoTime();
        byte[] pdf = ReportPdf.render(stored.snapshot(), stored.sha256(), locale);
        double renderSeconds = (System.nanoTime() - started) / 1e9;
        String pdfSha = Hashing.sha256(pdf);
        int pages = pages(pdf);
        long issueId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_issue (snapshot_id, pdf_sha256, pages, "
                + "locale, made_by) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, stored.id());
            ps.setString(2, pdfSha);
            ps.setInt(3, pages);
            ps.setString(4, locale.toLanguageTag());
            ps.setString(5, a.username());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                issueId = rs.getLong(1);
            }
        }
        String detail = "snapshot " + stored.id() + " sha256 " + stored.sha256() + " pdf sha256 " + pdfSha + " pages "
                + pages + " " + locale.toLanguageTag() + how;
        CaseService.timelineIn(c, kase.id(), a.username(), "report", detail);
        AuditLog.append(c, new AuditEvent.Entry(a.username(), "report.issued", "case:" + kase.id(),
                Optional.of(kase.id()), detail));
        return new Issued(issueId, stored.id(), kase.id(), kase.reference(), stored.sha256(), pdfSha, pages, pdf,
                snapshotSeconds, renderSeconds);
    }

    private static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("the rendered report is not a readable PDF", e);
        }
    }

    private static String displayName(Connection c, Actor a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT display_name FROM app_user WHERE username = ?")) {
            ps.setString(1, a.username());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : a.username();
            }
        }
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "make the report", work);
    }
}
