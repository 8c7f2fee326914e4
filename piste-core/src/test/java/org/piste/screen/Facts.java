package org.piste.screen;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.piste.model.Channel;
import org.piste.model.TransferStatus;

/** Hand-built transfers for screening tests (invented people). */
final class Facts {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static int counter;

    private Facts() {}

    /** A transfer sent at a Paris local time. */
    static TransferFact sent(String sender, String recipient, String parisLocal, String eur) {
        return fact(sender, recipient, parisLocal, eur, TransferStatus.PAID, "MARTIN", "", "REYES", "");
    }

    static TransferFact fact(String sender, String recipient, String parisLocal, String eur, TransferStatus status,
            String senderSurname, String senderMiddle, String recipientSurname, String recipientMiddle) {
        return new TransferFact("REF" + (++counter), sender, recipient,
                LocalDateTime.parse(parisLocal).atZone(PARIS).toInstant(), PARIS, Optional.empty(), new BigDecimal(eur), "EUR",
                Optional.of(new BigDecimal(eur).multiply(new BigDecimal("61"))), "PHP", status, Channel.ONLINE, "",
                "", "", "", senderSurname, senderMiddle, recipientSurname, recipientMiddle);
    }

    static TransferFact withPurpose(TransferFact t, String purpose) {
        return new TransferFact(t.reference(), t.senderEntity(), t.recipientEntity(), t.sent(), t.senderZone(), t.payout(),
                t.sentAmount(), t.sentCurrency(), t.paidAmount(), t.paidCurrency(), t.status(), t.channel(), t.sendAgency(), purpose,
                t.senderIdNumber(), t.senderPhone(), t.senderSurname(), t.senderMiddleName(), t.recipientSurname(),
                t.recipientMiddleName());
    }

    /** The same transfer, paid out the given minutes after it was sent. */
    static TransferFact paidOutAfter(TransferFact t, long minutes) {
        return new TransferFact(t.reference(), t.senderEntity(), t.recipientEntity(), t.sent(), t.senderZone(),
                Optional.of(t.sent().plusSeconds(60 * minutes)), t.sentAmount(), t.sentCurrency(), t.paidAmount(), t.paidCurrency(),
                t.status(), t.channel(), t.sendAgency(), t.purpose(), t.senderIdNumber(), t.senderPhone(), t.senderSurname(),
                t.senderMiddleName(), t.recipientSurname(), t.recipientMiddleName());
    }
}
