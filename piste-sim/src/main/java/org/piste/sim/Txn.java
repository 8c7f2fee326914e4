package org.piste.sim;

import java.time.Instant;
import java.util.Optional;
import org.piste.model.Channel;
import org.piste.model.TransferStatus;

/**
 * One transfer as the operator recorded it, before layout. Amounts in cents; the rate in 1/10,000.
 *
 * @param sender    the true sender (ground truth)
 * @param recipient the true recipient (ground truth)
 */
record Txn(Person sender, Person recipient, TransferStatus status, Channel channel, Instant send, String sendCity,
        String sendAgency, Optional<Instant> payout, String payoutCity, String payoutAgency, long sentCents,
        long feeCents, long rate4, long paidCents, String purpose, Written senderText, Written recipientText) {}
