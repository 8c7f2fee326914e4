package org.piste.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.SplittableRandom;
import org.piste.model.Channel;
import org.piste.model.TransferStatus;

/** Turns a sender's decision into the operator's record: time zone, status, payout, fee, rate and written identities. */
final class Operator {
    private final World w;
    private final SimConfig.Operations ops;
    private final Noise noise;
    private final Instant windowEnd;

    Operator(World w) {
        this.w = w;
        this.ops = w.cfg.operations();
        this.noise = new Noise(w.cfg);
        this.windowEnd = w.end.atStartOfDay(World.PARIS).toInstant();
    }

    /** The record of one decision; {@code rowPatterns} is the stream of the row patterns (see {@link RowPatterns}). */
    Txn record(SplittableRandom r, SplittableRandom rowPatterns, Event e) {
        // Real DST rules: a local time in the spring gap moves forward, as clocks do.
        Instant send = ZonedDateTime.ofLocal(e.when(), World.PARIS, null).toInstant();
        LocalDate day = e.when().toLocalDate();
        double heldRate = ops.held() * (e.sender().role() == Role.ROMANCE_VICTIM ? 5 : 1);
        double x = r.nextDouble();
        TransferStatus status = x < ops.cancelled() ? TransferStatus.CANCELLED
                : x < ops.cancelled() + ops.refunded() ? TransferStatus.REFUNDED
                : x < ops.cancelled() + ops.refunded() + heldRate ? TransferStatus.HELD : TransferStatus.PAID;
        Optional<Instant> payout = Optional.empty();
        if (status == TransferStatus.PAID) {
            Instant at = payoutTime(r, send, e.recipient().role());
            if (at.isBefore(windowEnd)) payout = Optional.of(at); else status = TransferStatus.SENT;
        }
        Person to = e.recipient();
        String payoutAgency = payout.isPresent() ? to.agencies().get(r.nextInt(to.agencies().size())) : "";
        String sendAgency = e.channel() == Channel.AGENCY
                ? e.sender().agencies().get(r.nextInt(e.sender().agencies().size())) : "";
        long rate4 = w.rates.rate4(day);
        long paid = (e.cents() * rate4 + 5_000) / 10_000;
        // A sender who asked for a round sum in pesos: the operator pays exactly that sum.
        long roundPesos = (paid + 5_000) / 10_000 * 10_000;
        if (Math.abs(paid - roundPesos) <= 100) paid = roundPesos;
        return new Txn(e.sender(), to, status, e.channel(), send, e.sender().city().name(), sendAgency, payout,
                payout.isPresent() ? to.city().name() : "", payoutAgency, e.cents(), fee(e.channel(), e.cents()), rate4,
                paid, e.purpose(), noise.sender(r, rowPatterns, e.sender(), day),
                noise.recipient(r, rowPatterns, to, day, payout.isPresent()));
    }

    /** Minutes to days after sending, within payout agencies' hours in Manila (assumption). */
    private Instant payoutTime(SplittableRandom r, Instant send, Role recipient) {
        double medianMinutes = switch (recipient) {
            case FACILITATOR -> ops.payoutMinutesFacilitator();
            case SCAMMER, PARTNER -> ops.payoutMinutesQuick();
            case WORKER, COORDINATOR -> ops.payoutMinutesSlow();
            default -> ops.payoutMinutesFamily();
        };
        long minutes = Math.max(3, Math.round(Draw.logNormal(r, medianMinutes, ops.payoutSigma())));
        LocalDateTime local = LocalDateTime.ofInstant(send.plusSeconds(minutes * 60 + r.nextInt(60)), World.MANILA);
        if (local.getHour() < ops.payoutOpenHour()) {
            local = local.toLocalDate().atTime(ops.payoutOpenHour(), 0).plusMinutes(Math.round(Draw.exponential(r, 90)));
        } else if (local.getHour() >= ops.payoutCloseHour()) {
            local = local.toLocalDate().plusDays(1).atTime(ops.payoutOpenHour(), 0)
                    .plusMinutes(Math.round(Draw.exponential(r, 90)));
        }
        return local.atZone(World.MANILA).toInstant();
    }

    /** A synthetic price grid: agency counters cost more than online (assumption). */
    private static long fee(Channel channel, long cents) {
        boolean counter = channel == Channel.AGENCY;
        if (cents <= 10_000) return counter ? 490 : 190;
        if (cents <= 50_000) return counter ? 790 : 390;
        return counter ? 1190 : 590;
    }
}
