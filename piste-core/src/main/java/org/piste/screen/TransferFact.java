package org.piste.screen;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.piste.model.Channel;
import org.piste.model.TransferStatus;

/**
 * What screening knows of one transfer: who (resolved entities) paid whom, when (with the sender's zone,
 * so local hours are exact across daylight-saving changes), when it was paid out if it was, how much, how, and the
 * names that carry
 * family ties (surnames and middle names, the Filipino middle name being the mother's maiden surname), and the
 * sender's contacts, which show who shares a home (a spouse paying the in-laws is family too).
 * No protected attribute (nationality, sex, age as such) is here, on purpose.
 */
public record TransferFact(
        String reference,
        String senderEntity,
        String recipientEntity,
        Instant sent,
        ZoneId senderZone,
        Optional<Instant> payout,
        BigDecimal sentAmount,
        String sentCurrency,
        Optional<BigDecimal> paidAmount,
        String paidCurrency,
        TransferStatus status,
        Channel channel,
        String sendAgency,
        String purpose,
        String senderIdNumber,
        String senderPhone,
        String senderEmail,
        String senderAddress,
        String senderSurname,
        String senderMiddleName,
        String recipientSurname,
        String recipientMiddleName) {

    public TransferFact {
        Objects.requireNonNull(reference);
        Objects.requireNonNull(senderEntity);
        Objects.requireNonNull(recipientEntity);
        Objects.requireNonNull(sent);
        Objects.requireNonNull(senderZone);
        Objects.requireNonNull(payout);
        Objects.requireNonNull(sentAmount);
        Objects.requireNonNull(sentCurrency);
        Objects.requireNonNull(paidAmount);
        Objects.requireNonNull(paidCurrency);
        Objects.requireNonNull(status);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(sendAgency);
        Objects.requireNonNull(purpose);
        Objects.requireNonNull(senderIdNumber);
        Objects.requireNonNull(senderPhone);
        Objects.requireNonNull(senderEmail);
        Objects.requireNonNull(senderAddress);
        Objects.requireNonNull(senderSurname);
        Objects.requireNonNull(senderMiddleName);
        Objects.requireNonNull(recipientSurname);
        Objects.requireNonNull(recipientMiddleName);
    }

    /** Cancelled and refunded transfers moved no money; screening counts only the others. */
    public boolean moved() {
        return moved(status);
    }

    public static boolean moved(TransferStatus status) {
        return status != TransferStatus.CANCELLED && status != TransferStatus.REFUNDED;
    }
}
