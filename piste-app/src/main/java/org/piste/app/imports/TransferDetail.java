package org.piste.app.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.piste.model.Money;
import org.piste.model.RowRef;
import org.piste.normal.Zones;

/**
 * One stored transfer whole, as the transfer page shows it: every field as written and as normalised, both parties
 * with the entity each belongs to, and the source row it was read from (file, SHA-256, line, the line's text).
 *
 * @param status canonical status (a TransferStatus name), {@code statusRaw} the operator's code
 * @param rawText the row as read; empty for rows imported before the text was kept
 * @param duplicates rows rejected as repeating this transfer's reference
 */
public record TransferDetail(long id, String provider, String reference, String status, String statusRaw,
        String channel, String channelRaw, Moment sent, Optional<Moment> paidOut, Place sendPlace, Place payoutPlace,
        Money sentAmount, Optional<Money> fee, Optional<BigDecimal> rate, Optional<Money> paidAmount, String purpose,
        List<Party> parties, Source source, String rawText, List<Duplicate> duplicates) {

    public TransferDetail {
        parties = List.copyOf(parties);
        duplicates = List.copyOf(duplicates);
    }

    /** A time where it happened ({@code local}, in {@code zone}) and the same instant in Paris. */
    public record Moment(LocalDateTime local, String zone, LocalDateTime paris) {
        /** The instant where it happened and in Paris, to the minute (the files' precision). */
        public static Moment of(java.time.Instant at, String zone) {
            java.time.ZoneId z = java.time.ZoneId.of(zone);
            return new Moment(minutes(at, z), z.getId(), minutes(at, Zones.PARIS));
        }

        /** Shown to the minute, as the entity page shows times. */
        static LocalDateTime minutes(java.time.Instant at, java.time.ZoneId zone) {
            return at.atZone(zone).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        }
    }

    public record Place(String country, String countryCode, String city, String agency) {}

    /** One side: its party record, the entity it belongs to now (with the name shown for it), its fields. */
    public record Party(String side, String recordId, Optional<String> entityId, Optional<String> entityName,
            List<Field> fields) {
        public Party {
            fields = List.copyOf(fields);
        }
    }

    /**
     * A field as the row wrote it and as the resolver compares it ({@code normalised}; empty when the field is not
     * normalised or could not be). {@code name} is a message key suffix.
     */
    public record Field(String name, String written, String normalised) {}

    /** The imported file: its name as received, provider, legal reference (réquisition), dates. */
    public record Source(RowRef row, String originalName, String provider, String legalReference, LocalDate receivedOn,
            LocalDateTime importedAtParis) {}

    /** A rejected row that repeated this transfer's reference. */
    public record Duplicate(RowRef row, String originalName) {}
}
