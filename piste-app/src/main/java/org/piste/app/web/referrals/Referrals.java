package org.piste.app.web.referrals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.pipeline.Changes;
import org.piste.app.pipeline.RefreshSummary;
import org.piste.app.referrals.Match;
import org.piste.app.referrals.Referral;
import org.piste.app.referrals.ReferralImport;
import org.piste.app.referrals.ReferralQueries;
import org.piste.app.refusals.Refused;
import org.piste.app.web.NotFound;
import org.piste.app.web.WebAudit;
import org.piste.app.web.imports.Uploads;
import org.piste.ingest.ImportException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the referral pages and the referral API do, in one place: list and show referrals, take a referrals file,
 * record an analyst's ruling on a match. The services it calls audit every view and change for the signed-in user;
 * changes refresh resolution and screening (accepted matches are screening seeds).
 */
@Component
public class Referrals {
    private final Changes changes;
    private final ReferralQueries queries;
    private final Uploads uploads;

    public Referrals(ReferralQueries queries, Changes changes, Uploads uploads) {
        this.changes = changes;
        this.queries = queries;
        this.uploads = uploads;
    }

    public enum Ruling {
        ACCEPT(Match.Status.ACCEPTED), REJECT(Match.Status.REJECTED);

        final Match.Status status;

        Ruling(Match.Status status) {
            this.status = status;
        }

        public static Ruling parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new Refused("referral.ruling", text);
            }
        }
    }

    public record Decided(String ref, int index, Match match, RefreshSummary refresh) {}

    public enum Kind { IMPORTED, ALREADY_IMPORTED }

    /** What a referrals file gave: referrals, subjects, subjects matched, and the refresh that followed. */
    public record Imported(Kind kind, String fileName, String sha256, int referrals, long subjects, long matched,
            List<String> refs, Optional<String> resolution, Optional<RefreshSummary> refresh) {}

    public List<ReferralQueries.Summary> list() {
        return queries.list(WebAudit.actor());
    }

    public ReferralQueries.Detail detail(String ref) {
        return queries.find(WebAudit.actor(), ref).orElseThrow(() ->
                new NotFound(new Refused("referral.unknown", ref)));
    }

    /** Accepts or rejects an entity for a subject (latest ruling wins; accepting one not proposed adds it). */
    public Decided decide(String ref, int index, Ruling ruling, String entityId, String note) {
        if (entityId == null || entityId.isBlank()) throw new Refused("referral.entityMissing");
        var changed = changes.decideReferralMatch(WebAudit.actor(), ref, index, entityId, ruling.status,
                note == null ? "" : note);
        return new Decided(ref.strip(), index, changed.change(), RefreshSummary.of(changed.refresh()));
    }

    public Imported upload(MultipartFile file, String legalReference) {
        String legal = legalReference == null ? "" : legalReference.strip();
        Changes.Imported<ReferralImport.Outcome> imported;
        String name;
        try (Uploads.Upload upload = uploads.store(file)) {
            name = upload.originalName();
            try {
                imported = changes.importReferrals(WebAudit.actor(), upload.file(), legal);
            } catch (IllegalArgumentException | ImportException e) {
                throw new IllegalArgumentException(upload.explain(e), e);
            }
        }
        return switch (imported.outcome()) {
            case ReferralImport.Outcome.AlreadyImported a -> new Imported(Kind.ALREADY_IMPORTED, name, a.sha256(),
                    a.referrals(), 0, 0, List.of(), Optional.empty(), Optional.empty());
            case ReferralImport.Outcome.Imported i -> new Imported(Kind.IMPORTED, name, i.sha256(), i.referrals().size(),
                    i.matches().size(), i.matches().values().stream().filter(m -> !m.isEmpty()).count(),
                    i.referrals().stream().map(Referral::ref).toList(), i.resolution(), imported.summary());
        };
    }
}
