package org.piste.app.requisitions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.cases.Lateness;
import org.piste.app.cases.TypedDays;
import org.piste.app.refusals.Refused;

/**
 * A requisition to an operator, bank or e-wallet, with the exports that answered it ({@code caseReference}: the
 * case's, the procedure the requisition belongs to). {@code status} is as stored;
 * whether it is late is derived ({@link Lateness}), never stored.
 */
public record Requisition(long id, long caseId, String caseReference, String number, String addressee, AddresseeKind addresseeKind,
        LegalBasis legalBasis, LocalDate periodFrom, LocalDate periodTo, List<Identifier> identifiers,
        List<String> refs, Status status, Optional<LocalDate> sentOn, Optional<LocalDate> dueOn, String createdBy,
        Instant createdAt, List<Answer> answers) {

    public Requisition {
        identifiers = List.copyOf(identifiers);
        refs = List.copyOf(refs);
        answers = List.copyOf(answers);
    }

    public enum AddresseeKind {
        OPERATOR, BANK, EWALLET;

        public static AddresseeKind parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                throw new Refused("requisition.unknownKind", text);
            }
        }
    }

    /** The article of the code of criminal procedure (CPP) the requisition rests on. */
    public enum LegalBasis {
        /** Art. 60-1 CPP: flagrant offence. */
        ART_60_1("60-1"),
        /** Art. 77-1-1 CPP: preliminary inquiry. */
        ART_77_1_1("77-1-1"),
        /** Art. 99-3 CPP: judicial investigation (on an investigating judge's commission). */
        ART_99_3("99-3");

        private final String article;

        LegalBasis(String article) {
            this.article = article;
        }

        public String article() {
            return article;
        }

        public static LegalBasis parse(String text) {
            String t = text.strip().replaceFirst("(?i)^art(icle)?\\.? *", "");
            for (LegalBasis b : values()) if (b.article.equals(t) || b.name().equalsIgnoreCase(t)) return b;
            throw new Refused("requisition.unknownBasis", text);
        }
    }

    public enum Status { DRAFT, SENT, ANSWERED }

    /** What the pages, the API and the console show: the stored status, or LATE when {@link Lateness} says so. */
    public enum Shown { DRAFT, SENT, LATE, ANSWERED }

    /** A subject's identifier: kind NAME, PHONE, ID (document type and number), EMAIL or OTHER (typed by hand). */
    public record Identifier(String kind, String value) {}

    /** An export that answered: its file and its counts (the source file's own, read when shown). */
    public record Answer(long sourceId, String fileName, String sha256, String provider, LocalDate receivedOn,
            long rowsRead, long rowsAccepted, long rowsQuarantined, long rowsDuplicate, Instant linkedAt) {}

    /** A day as typed in a form, the API or the console (YYYY-MM-DD). */
    public static LocalDate day(String text) {
        return TypedDays.parse(text, "requisition.badDate");
    }

    public Shown shown(LocalDate today) {
        if (Lateness.isLate(status.name(), dueOn, today)) return Shown.LATE;
        return Shown.valueOf(status.name());
    }

    /** Rows read in all the answering files together. */
    public long rowsRead() {
        return answers.stream().mapToLong(Answer::rowsRead).sum();
    }

    public boolean late(LocalDate today) {
        return shown(today) == Shown.LATE;
    }
}
