package org.piste.app.requests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.refusals.Refused;

/**
 * A request abroad as its case's readers see it. {@code late}: sent and its due date is before today in Paris;
 * derived when read, never stored.
 */
public record RequestAbroad(long id, long caseId, String number, Channel channel, String country, String authority,
        String question, Status status, Optional<LocalDate> sentOn, Optional<LocalDate> dueOn, boolean late,
        String createdBy, Instant createdAt) {

    /** MLA: demande d'entraide pénale; POLICE: liaison officer, Interpol or Europol; FIU: a foreign FIU via the CRF. */
    public enum Channel {
        MLA, POLICE, FIU;

        public static Channel parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Refused("request.unknownChannel", text);
            }
        }
    }

    public enum Status { DRAFT, SENT, ANSWERED, CLOSED }

    /** Whom the package goes to, as the audit trail and the deadline view name it. */
    public String addressee() {
        return authority + " (" + country + ")";
    }

    /** A case subject, and whether the package holds it. */
    public record SubjectChoice(String recordId, String entityId, String kind, String label, boolean chosen) {}

    /**
     * A transfer of the case's subjects, as recorded, with its provenance; {@code chosen}: the package holds it.
     * {@code senderEntity}, {@code recipientEntity}: the entity each side is now (the record itself if unresolved).
     */
    public record TransferChoice(long id, String reference, String provider, Instant sentAt, String sendZone,
            BigDecimal sentAmount, String sentCurrency, Optional<BigDecimal> paidAmount, Optional<String> paidCurrency,
            String sender, String recipient, String senderEntity, String recipientEntity, String sha256, long line,
            boolean chosen) {}

    /**
     * A package produced: who made it, for whom, and what left (counts, the manifest's SHA-256, and the record ids
     * and transfer ids it held, kept with it: the selection may change afterwards).
     */
    public record PackageMade(long id, Instant madeAt, String madeBy, String sentTo, String manifestSha256,
            int subjects, int transfers, List<String> recordIds, List<Long> transferIds) {}

    /** A file of the answer, imported with the request's number as legal reference. */
    public record AnswerFile(long sourceId, String name, String sha256, String provider, LocalDate receivedOn,
            long rowsRead, Instant importedAt) {}

    /** The request's page: the request, what may go in the package (and what does), packages made, answer files. */
    public record Detail(RequestAbroad request, List<SubjectChoice> subjects, List<TransferChoice> transfers,
            List<PackageMade> packages, List<AnswerFile> answers) {}
}
