package org.piste.screen;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Nine nights of two senders paying r1 small sums late (s1 at 23:10, 15; s2 at 23:40, 20) and nine noons of s3 paying
     * r2 300: a small network with something for the indicators to measure.
     */
    static List<TransferFact> nineDaysOfThreePairs() {
        List<TransferFact> out = new ArrayList<>();
        for (int d = 1; d <= 9; d++) {
            out.add(sent("s1", "r1", "2024-03-0" + d + "T23:10", "15"));
            out.add(sent("s2", "r1", "2024-03-0" + d + "T23:40", "20"));
            out.add(sent("s3", "r2", "2024-03-0" + d + "T12:00", "300"));
        }
        return out;
    }

    static TransferFact fact(String sender, String recipient, String parisLocal, String eur, TransferStatus status,
            String senderSurname, String senderMiddle, String recipientSurname, String recipientMiddle) {
        return new TransferFact("REF" + (++counter), sender, recipient,
                LocalDateTime.parse(parisLocal).atZone(PARIS).toInstant(), PARIS, Optional.empty(), new BigDecimal(eur), "EUR",
                Optional.of(new BigDecimal(eur).multiply(new BigDecimal("61"))), "PHP", status, Channel.ONLINE, "",
                "", "", "", "", "", senderSurname, senderMiddle, recipientSurname, recipientMiddle);
    }

    static TransferFact withPurpose(TransferFact t, String purpose) {
        return new TransferFact(t.reference(), t.senderEntity(), t.recipientEntity(), t.sent(), t.senderZone(), t.payout(),
                t.sentAmount(), t.sentCurrency(), t.paidAmount(), t.paidCurrency(), t.status(), t.channel(), t.sendAgency(), purpose,
                t.senderIdNumber(), t.senderPhone(), t.senderEmail(), t.senderAddress(), t.senderSurname(), t.senderMiddleName(), t.recipientSurname(),
                t.recipientMiddleName());
    }

    /** The same transfer, paid out the given minutes after it was sent. */
    static TransferFact paidOutAfter(TransferFact t, long minutes) {
        return new TransferFact(t.reference(), t.senderEntity(), t.recipientEntity(), t.sent(), t.senderZone(),
                Optional.of(t.sent().plusSeconds(60 * minutes)), t.sentAmount(), t.sentCurrency(), t.paidAmount(), t.paidCurrency(),
                t.status(), t.channel(), t.sendAgency(), t.purpose(), t.senderIdNumber(), t.senderPhone(), t.senderEmail(), t.senderAddress(), t.senderSurname(),
                t.senderMiddleName(), t.recipientSurname(), t.recipientMiddleName());
    }

    /** The same transfer with the sender's ID document, phone, sending agency and channel. */
    static TransferFact withIdentity(TransferFact t, String idNumber, String phone, String agency, Channel channel) {
        return new TransferFact(t.reference(), t.senderEntity(), t.recipientEntity(), t.sent(), t.senderZone(), t.payout(),
                t.sentAmount(), t.sentCurrency(), t.paidAmount(), t.paidCurrency(), t.status(), channel, agency, t.purpose(),
                idNumber, phone, t.senderEmail(), t.senderAddress(), t.senderSurname(), t.senderMiddleName(), t.recipientSurname(), t.recipientMiddleName());
    }

    /** The same transfer with the sender's phone, e-mail and address. */
    static TransferFact withContacts(TransferFact t, String phone, String email, String address) {
        return new TransferFact(t.reference(), t.senderEntity(), t.recipientEntity(), t.sent(), t.senderZone(), t.payout(),
                t.sentAmount(), t.sentCurrency(), t.paidAmount(), t.paidCurrency(), t.status(), t.channel(), t.sendAgency(), t.purpose(),
                t.senderIdNumber(), phone, email, address, t.senderSurname(), t.senderMiddleName(), t.recipientSurname(),
                t.recipientMiddleName());
    }

    /** The same transfer with this paid amount in PHP, or none given (null). */
    static TransferFact withPaid(TransferFact t, String php) {
        return new TransferFact(t.reference(), t.senderEntity(), t.recipientEntity(), t.sent(), t.senderZone(), t.payout(),
                t.sentAmount(), t.sentCurrency(), Optional.ofNullable(php).map(BigDecimal::new), t.paidCurrency(), t.status(),
                t.channel(), t.sendAgency(), t.purpose(), t.senderIdNumber(), t.senderPhone(), t.senderEmail(), t.senderAddress(), t.senderSurname(),
                t.senderMiddleName(), t.recipientSurname(), t.recipientMiddleName());
    }

    /** The same transfer sent at another instant, from a sender in another zone, paid out at payout if given. */
    static TransferFact at(TransferFact t, Instant sent, ZoneId zone, Optional<Instant> payout) {
        return new TransferFact(t.reference(), t.senderEntity(), t.recipientEntity(), sent, zone, payout, t.sentAmount(),
                t.sentCurrency(), t.paidAmount(), t.paidCurrency(), t.status(), t.channel(), t.sendAgency(), t.purpose(),
                t.senderIdNumber(), t.senderPhone(), t.senderEmail(), t.senderAddress(), t.senderSurname(), t.senderMiddleName(), t.recipientSurname(),
                t.recipientMiddleName());
    }

    /** A rule set written inline (YAML), for tests whose arithmetic is easier on simple ramps. */
    static RuleSet rules(String yaml) {
        return RuleSet.parse(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "test");
    }
}
