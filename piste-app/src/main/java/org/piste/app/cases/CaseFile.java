package org.piste.app.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.piste.app.imports.TransferDetail;
import org.piste.app.refusals.Refused;

/**
 * A case file as its team and prosecutors see it, and the parts it is made of. {@code names}: the name of every
 * entity or record id the file mentions (EntityNames.of), read in bulk with the file.
 */
public record CaseFile(Summary summary, List<Member> team, List<Subject> subjects, List<Evidence> evidence,
        List<Note> notes, List<TimelineEvent> timeline, List<Conflict> conflicts, List<Notice> notices,
        Map<String, String> names) {

    public enum Status {
        OPEN, SUSPENDED, CLOSED;

        public static Status parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Refused("case.unknownStatus", text);
            }
        }
    }

    public enum SubjectKind {
        BUYER, FACILITATOR, VICTIM, OTHER;

        public static SubjectKind parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Refused("case.unknownKind", text);
            }
        }
    }

    /** What a case list shows. {@code conflicts}: other cases sharing a subject with this one. */
    public record Summary(long id, String reference, String title, Status status, String lead, String leadName,
            String createdBy, Instant createdAt, int subjects, int conflicts) {}

    public record Member(String username, String displayName, String role, String unit, boolean lead, String addedBy,
            Instant addedAt) {}

    /** {@code entityId}: the entity the record belongs to now (the record itself when it is not resolved yet). */
    public record Subject(long id, String recordId, String entityId, SubjectKind kind, String label, String addedBy,
            Instant addedAt) {}

    /**
     * A transfer with its provenance: the file it came from (name, SHA-256) and its line there. {@code sendZone}:
     * where it was sent; {@code senderId}, {@code recipientId}: the entity each side belongs to now (the record
     * itself when no resolution placed it).
     */
    public record Evidence(long id, long transferId, String reference, String provider, Instant sentAt,
            String sendZone, BigDecimal sentAmount, String sentCurrency, String sender, String recipient,
            String senderId, String recipientId, String sourceFile, String sha256, long line, String note,
            String addedBy, Instant addedAt) {
        /** When it was sent, where it was sent and in Paris: the transfer page's rule. */
        public TransferDetail.Moment sent() {
            return TransferDetail.Moment.of(sentAt, sendZone);
        }
    }

    public record Note(long id, String text, String author, Instant at) {}

    public record TimelineEvent(long id, Instant at, String username, String kind, String detail) {
        /** The detail taken apart, for pages to word it in their language. */
        public TimelineDetail described() {
            return TimelineDetail.of(kind, detail);
        }
    }

    /**
     * Another case shares a subject with this one. Tells only whom to contact (the other case's lead) and which
     * of this case's own subjects are concerned (their names as written, and the entities they are, in the same
     * order): nothing of the other case's content.
     */
    public record Conflict(Contact contact, List<String> ownSubjects, List<String> ownEntities) {}

    public record Contact(String displayName, String unit, String contact) {}

    /**
     * Another case added a subject who is also {@code ownSubject} here: whom to contact (its lead), kept even if
     * that subject was removed since. {@code ownEntity}: the entity that subject is now, while it is still in the case.
     */
    public record Notice(Contact contact, String ownSubject, Optional<String> ownEntity, Instant at) {}

    /** Whom a typed number names, before it is added: the record, the entity it belongs to now and its name. */
    public record Candidate(String recordId, String entityId, String name) {}

    /** A subject just added, and the conflicts it brought (empty when none). */
    public record AddedSubject(Subject subject, List<Conflict> conflicts) {}

    public Optional<Member> lead() {
        return team.stream().filter(Member::lead).findFirst();
    }
}
