package org.piste.app.network;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which transfers a network view counts: a period (dates in the sender's time zone, both ends included), a
 * minimum sent amount per transfer (in the transfer's own sent currency) and a minimum score for neighbours.
 * Cancelled and refunded transfers moved no money and are never counted.
 */
public record NetworkFilter(Optional<LocalDate> from, Optional<LocalDate> to, Optional<BigDecimal> minAmount,
        Optional<Double> minScore) {

    public static final NetworkFilter NONE = new NetworkFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public NetworkFilter {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new BadParameterException("network.period", from.get().toString(), to.get().toString());
        }
        if (minAmount.isPresent() && minAmount.get().signum() < 0) {
            throw new BadParameterException("network.minAmount");
        }
        if (minScore.isPresent() && (minScore.get() < 0 || minScore.get().isNaN())) {
            throw new BadParameterException("network.minScore");
        }
    }

    /** The filter from request parameters as typed (blank means "no bound"); a bad value is a BadParameterException. */
    public static NetworkFilter parse(String from, String to, String minAmount, String minScore) {
        return new NetworkFilter(date("from", from), date("to", to), decimal("minAmount", minAmount)
                .map(NetworkFilter::noExponent), decimal("minScore", minScore).map(BigDecimal::doubleValue));
    }

    /** For the audit trail and logs. */
    public String describe() {
        return "from=" + from.map(LocalDate::toString).orElse("") + " to=" + to.map(LocalDate::toString).orElse("")
                + " minAmount=" + minAmount.map(BigDecimal::toPlainString).orElse("")
                + " minScore=" + minScore.map(String::valueOf).orElse("");
    }

    private static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new BadParameterException("network.date", name, value.strip());
        }
    }

    private static Optional<BigDecimal> decimal(String name, String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        try {
            return Optional.of(new BigDecimal(value.strip().replace(',', '.')));
        } catch (NumberFormatException e) {
            throw new BadParameterException("network.number", name, value.strip());
        }
    }

    private static BigDecimal noExponent(BigDecimal amount) {
        if (amount.scale() < 0) return amount.setScale(0);
        return amount;
    }
}
