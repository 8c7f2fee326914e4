package org.piste.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One money transfer in Piste's canonical form, with the row it came from.
 * Instants come with the zone of the place where the event happened (a payout in Manila carries
 * Asia/Manila even when the export wrote it in Paris time), so local hours can be recomputed exactly.
 * Free-text fields are never null: an empty string means the row gave nothing.
 */
public record Transfer(
        RowRef source,
        String provider,
        String reference,
        TransferStatus status,
        String statusRaw,
        Channel channel,
        String channelRaw,
        Instant sendInstant,
        ZoneId sendZone,
        Place sendPlace,
        Optional<Instant> payoutInstant,
        Optional<ZoneId> payoutZone,
        Place payoutPlace,
        Money sent,
        Optional<Money> fee,
        Optional<BigDecimal> rate,
        Optional<Money> paid,
        String purpose,
        Party sender,
        Party recipient) {

    public Transfer {
        Objects.requireNonNull(source);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(reference);
        Objects.requireNonNull(status);
        Objects.requireNonNull(statusRaw);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(channelRaw);
        Objects.requireNonNull(sendInstant);
        Objects.requireNonNull(sendZone);
        Objects.requireNonNull(sendPlace);
        Objects.requireNonNull(payoutInstant);
        Objects.requireNonNull(payoutZone);
        Objects.requireNonNull(payoutPlace);
        Objects.requireNonNull(sent);
        Objects.requireNonNull(fee);
        Objects.requireNonNull(rate);
        Objects.requireNonNull(paid);
        Objects.requireNonNull(purpose);
        Objects.requireNonNull(sender);
        Objects.requireNonNull(recipient);
        if (reference.isBlank()) throw new IllegalArgumentException("reference is blank");
        if (provider.isBlank()) throw new IllegalArgumentException("provider is blank");
    }

    /**
     * Where one end of a transfer took place.
     *
     * @param country     as written
     * @param countryCode ISO 3166-1 alpha-2 when recognised
     * @param city        as written
     * @param agency      agent or branch identifier as written
     */
    public record Place(String country, Optional<String> countryCode, String city, String agency) {
        public Place {
            Objects.requireNonNull(country);
            Objects.requireNonNull(countryCode);
            Objects.requireNonNull(city);
            Objects.requireNonNull(agency);
        }
    }
}
