package org.piste.app.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.piste.screen.Sentence;

/**
 * Everything the report prints, frozen: the live tables change (a new resolution replaces the entities, a new
 * screening the scores, decisions go on), so the report is built from this record alone, stored as canonical JSON
 * with its SHA-256. Amounts are decimal strings with their ISO 4217 currency (never floating point); instants are
 * UTC with the zone of the place where the event happened beside them. Lists are in the order printed.
 *
 * @param format    the snapshot's format version (a renderer refuses a version it does not know)
 * @param header    the cover
 * @param subjects  one part per subject reported (one when the report is for one subject)
 * @param sources   the chain of custody: every source file a reported row comes from
 * @param method    what the screening and resolution were (versions), for the methodology section
 * @param compensation the victims' compensation schedule (pseudonyms only), as recorded by the timestamp
 */
public record ReportSnapshot(int format, Header header, List<SubjectPart> subjects, List<SourcePart> sources,
        Method method, List<CompensationLine> compensation) {
    public static final int FORMAT = 1;

    public ReportSnapshot {
        subjects = List.copyOf(subjects);
        sources = List.copyOf(sources);
        compensation = List.copyOf(compensation);
    }

    /**
     * A victim's claims, awards and payments against one buyer (or none: a claim on the compensation commission) in
     * one currency; amounts as decimal strings; outstanding = awarded - paid.
     */
    public record CompensationLine(String victim, String buyerEntity, String buyerName, String currency,
            String claimed, String awarded, String paid, String outstanding) {}

    /**
     * @param asOf     the snapshot's timestamp: decisions and notes after it are left out; the PDF's dates are this
     * @param author   the account that made the snapshot (its display name as stored)
     * @param subject  the record id when the report is for one subject only
     */
    public record Header(long caseId, String caseReference, String caseTitle, String caseLead, String author,
            Instant asOf, List<String> legalReferences, Optional<String> subject) {
        public Header {
            legalReferences = List.copyOf(legalReferences);
        }
    }

    /** A subject: who, how they were resolved, what they sent or received, how they scored, what people decided. */
    public record SubjectPart(String recordId, String entityId, String kind, String label,
            List<IdentityVariant> variants, List<TransferLine> transfers, Optional<Screening> screening,
            List<DecisionLine> decisions, List<NeighbourLine> network) {
        public SubjectPart {
            variants = List.copyOf(variants);
            transfers = List.copyOf(transfers);
            decisions = List.copyOf(decisions);
            network = List.copyOf(network);
        }
    }

    /** One way the subject's identity was written, with every row it was written so in. */
    public record IdentityVariant(String name, String phone, String idNumber, String country, String city,
            List<Row> rows) {
        public IdentityVariant {
            rows = List.copyOf(rows);
        }
    }

    /** A source row: the file's SHA-256 and the line number in it. */
    public record Row(String sha256, long line) {}

    /**
     * A transfer of the subject, sent or received. {@code zone} is the sender's (where it was sent), {@code amount}
     * a decimal string in {@code currency}.
     */
    public record TransferLine(long transferId, String reference, Instant at, String zone, String amount,
            String currency, String senderName, String senderEntity, String recipientName, String recipientEntity,
            String payoutCity, String payoutCountry, String channel, String status, Row row) {}

    /** The subject's screening: which run and rule set or learned model, the score and rank, and its explanation. */
    public record Screening(long runId, String ruleSetVersion, String side, String score, int rank,
            List<Sentence> explanation) {
        public Screening {
            explanation = List.copyOf(explanation);
        }
    }

    /** An analyst's or a referral's decision on the subject, up to the snapshot's timestamp. */
    public record DecisionLine(String kind, String decision, String by, Instant at, String note) {}

    /** A neighbour in the subject's network: an entity it sent to or received from, with the flow's totals. */
    public record NeighbourLine(String entityId, String name, String side, int transfers, String total,
            String currency) {}

    /** A source file: where the rows came from and how many of its rows were accepted, quarantined or duplicates. */
    public record SourcePart(String name, String sha256, String provider, String legalReference, LocalDate receivedOn,
            Instant importedAt, long rowsRead, long rowsAccepted, long rowsQuarantined, long rowsDuplicate) {}

    /**
     * The versions behind the findings: the resolution run and model, the screening run and rule set, and when each
     * finished (EPOCH: none). Piste keeps only the current resolution and scores, so a snapshot as of an earlier time
     * shows them as they are when it is made; the report says so when they finished after its timestamp.
     */
    public record Method(long resolutionRun, String matchModel, long screeningRun, String ruleSetVersion,
            List<String> indicators, Instant resolvedAt, Instant screenedAt) {
        public Method {
            indicators = List.copyOf(indicators);
        }
    }
}
