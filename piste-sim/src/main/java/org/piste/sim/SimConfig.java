package org.piste.sim;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Every parameter of the simulator, with documented defaults. The module README gives, for each figure, its
 * source in domain.md or marks it as an assumption. Amounts are in euro cents or whole euros as named.
 *
 * @param senders       senders in France (people, not households)
 * @param months        calendar months simulated
 * @param start         first month
 * @param seed          the only source of randomness: the same seed gives byte-identical files
 * @param provider      the operator name written in the canonical file's provider column
 * @param badRowRate    share of lines that are malformed (quarantined by the importer)
 * @param duplicateRate share of transfer rows repeated as an exact duplicate line later in the file
 * @param referrals     foreign referrals to write (each names true buyers and/or facilitators)
 * @param shares        what kinds of senders the population holds
 * @param buyers        buyer and facilitator behaviour
 * @param others        behaviour of the ordinary senders (the hard negatives)
 * @param noise         identity noise as operators' agents and customers type it
 * @param operations    operator mechanics: opening hours, fees, statuses, payout delays, exchange rate
 */
public record SimConfig(
        int senders,
        int months,
        YearMonth start,
        long seed,
        String provider,
        double badRowRate,
        double duplicateRate,
        int referrals,
        Shares shares,
        Buyers buyers,
        Others others,
        Noise noise,
        Operations operations) {

    public SimConfig {
        if (senders < 1) throw new IllegalArgumentException("senders must be >= 1");
        if (months < 1 || months > 240) throw new IllegalArgumentException("months must be 1..240");
        Objects.requireNonNull(start);
        Objects.requireNonNull(provider);
        if (badRowRate < 0 || badRowRate > 0.5) throw new IllegalArgumentException("badRowRate must be 0..0.5");
        if (duplicateRate < 0 || duplicateRate > 0.5) throw new IllegalArgumentException("duplicateRate must be 0..0.5");
        if (referrals < 0) throw new IllegalArgumentException("referrals must be >= 0");
        Objects.requireNonNull(shares);
        Objects.requireNonNull(buyers);
        Objects.requireNonNull(others);
        Objects.requireNonNull(noise);
        Objects.requireNonNull(operations);
    }

    /** 2,000 senders over 24 months from January 2023, seed 42, 0.2% bad rows, 0.1% duplicates, 4 referrals. */
    public static SimConfig defaults() {
        return new SimConfig(2_000, 24, YearMonth.of(2023, 1), 42L, "SIMOP", 0.002, 0.001, 4,
                Shares.defaults(), Buyers.defaults(), Others.defaults(), Noise.defaults(), Operations.defaults());
    }

    public SimConfig withSenders(int n) {
        return new SimConfig(n, months, start, seed, provider, badRowRate, duplicateRate, referrals, shares, buyers,
                others, noise, operations);
    }

    public SimConfig withMonths(int m) {
        return new SimConfig(senders, m, start, seed, provider, badRowRate, duplicateRate, referrals, shares, buyers,
                others, noise, operations);
    }

    public SimConfig withSeed(long s) {
        return new SimConfig(senders, months, start, s, provider, badRowRate, duplicateRate, referrals, shares, buyers,
                others, noise, operations);
    }

    public SimConfig withStart(YearMonth first) {
        return new SimConfig(senders, months, first, seed, provider, badRowRate, duplicateRate, referrals, shares,
                buyers, others, noise, operations);
    }

    public SimConfig withBadRows(double badRows, double duplicates) {
        return new SimConfig(senders, months, start, seed, provider, badRows, duplicates, referrals, shares, buyers,
                others, noise, operations);
    }

    public SimConfig withReferrals(int n) {
        return new SimConfig(senders, months, start, seed, provider, badRowRate, duplicateRate, n, shares, buyers,
                others, noise, operations);
    }

    /** Shares of senders by kind; they must sum to 1. */
    public record Shares(double diasporaFamily, double partner, double sponsor, double employer, double romanceVictim,
            double occasional, double buyer, double filipinoNamedOthers) {
        public Shares {
            double sum = diasporaFamily + partner + sponsor + employer + romanceVictim + occasional + buyer;
            if (Math.abs(sum - 1.0) > 1e-9) throw new IllegalArgumentException("sender shares sum to " + sum + ", not 1");
        }

        /** diaspora 62%, partners 9%, sponsors 7%, employers 4%, romance victims 1%, occasional 16.6%, buyers 0.4%. */
        public static Shares defaults() {
            return new Shares(0.62, 0.09, 0.07, 0.04, 0.01, 0.166, 0.004, 0.12);
        }
    }

    /**
     * Buyers and facilitators.
     *
     * @param careerParetoAlpha     tail of payments per buyer career (Pareto, rounded, at least 1)
     * @param careerMaxPayments     cap on a career's payments
     * @param intervalScaleDays     mean days between payments for a 1-payment-scale buyer
     * @param intervalExponent      mean interval = scale * payments^-exponent (prolific buyers pay more often)
     * @param burstShare            share of payments that follow the previous one within the same burst
     * @param burstGapHours         mean gap inside a burst
     * @param priceMedianEur        median session price
     * @param priceSigma            log-normal spread of a buyer's price level
     * @param paymentSigma          log-normal spread of one payment around the buyer's level (several sessions...)
     * @param amountEscalationMax   at most, the last payment of a long career costs this much more (fraction)
     * @param intervalEscalation    intervals shrink by up to this fraction over a career
     * @param nightShareMin         lowest share of a buyer's payments sent 22:00-06:00 Paris time
     * @param nightShareMax         highest share
     * @param agencyShare           share of payments made at an agency counter (opening hours)
     * @param buyersPerFacilitator  mean buyers per facilitator operation
     * @param facilitatorZipf       popularity skew of facilitator operations
     * @param familyOperationShare  share of operations run by several relatives receiving in turn
     * @param maxOperationsPerBuyer most facilitator operations one buyer pays
     * @param operationsPerBuyer    mean facilitator operations per buyer (sizes the pool of operations)
     */
    public record Buyers(double careerParetoAlpha, int careerMaxPayments, double intervalScaleDays,
            double intervalExponent, double burstShare, double burstGapHours, double priceMedianEur, double priceSigma,
            double paymentSigma, double amountEscalationMax, double intervalEscalation, double nightShareMin, double nightShareMax,
            double agencyShare, double buyersPerFacilitator, double facilitatorZipf, double familyOperationShare,
            int maxOperationsPerBuyer, double operationsPerBuyer) {
        public static Buyers defaults() {
            return new Buyers(1.2, 900, 60, 0.4, 0.45, 20, 50, 0.6, 0.45, 1.0, 0.6, 0.5, 0.9, 0.1, 40, 0.8, 0.5, 4, 1.5);
        }
    }

    /**
     * The ordinary senders, including the hard negatives.
     *
     * @param familyMonthlyEur      median monthly remittance of a diaspora sender
     * @param familySendProbability chance a diaspora sender sends the monthly remittance in a given month
     * @param familySmallFrequent   share of diaspora senders who send small sums weekly (a student's allowance)
     * @param familyNightShare      share of diaspora senders who send at night (shift workers)
     * @param decemberExtra         chance of a December extra
     * @param juneExtra             chance of a June (school year) extra
     * @param marriedSurnameShare   share of diaspora senders who carry a French spouse's surname
     * @param partnerMonthlyEur     median monthly support sent to a partner
     * @param partnerGiftsPerMonth  mean small extra transfers to a partner per month
     * @param sponsorMinEur         smallest sponsorship
     * @param sponsorMaxEur         largest sponsorship
     * @param sponsorViaCoordinator share of sponsors who pay a coordinator shared by several sponsors
     * @param sponsorsPerCoordinator mean sponsors per coordinator
     * @param employerSalaryEur     median monthly pay of a freelancer
     * @param employerPerTaskShare  share of employers who pay per task (several small payments a month)
     * @param workersPerEmployerMax most workers one employer pays
     * @param romanceStartEur       median first payment of a romance-scam victim
     * @param romanceGrowth         multiplicative growth per payment of a victim's amounts
     * @param victimsPerScammer     mean victims per scam ring
     */
    public record Others(double familyMonthlyEur, double familySendProbability, double familySmallFrequent,
            double familyNightShare, double decemberExtra, double juneExtra, double marriedSurnameShare,
            double partnerMonthlyEur, double partnerGiftsPerMonth, int sponsorMinEur, int sponsorMaxEur,
            double sponsorViaCoordinator, double sponsorsPerCoordinator, double employerSalaryEur,
            double employerPerTaskShare, int workersPerEmployerMax, double romanceStartEur, double romanceGrowth,
            double victimsPerScammer) {
        public static Others defaults() {
            return new Others(340, 0.88, 0.15, 0.15, 0.6, 0.4, 0.25, 250, 1.2, 20, 50, 0.4, 15, 450, 0.3, 3, 120,
                    1.25, 3);
        }
    }

    /**
     * Identity noise, per row unless said otherwise.
     *
     * @param upperCase        names written in capitals
     * @param lowerCase        names written in lower case (the rest: as the person spells them)
     * @param stripAccents     accents dropped
     * @param compoundShort    a compound given name cut to its first part
     * @param particleVariant  a surname particle written another way (Dela Cruz / De La Cruz / Delacruz)
     * @param maAbbreviation   "Maria" written "Ma." (and back)
     * @param typo             one typing error in a name
     * @param swapNames        given name and surname swapped
     * @param missingBirthDate date of birth left empty
     * @param missingPhone     phone left empty
     * @param renewDocument    share of persons with a new identity document from some date (per person)
     * @param renewPhone       share of persons with a new phone from some date (per person)
     * @param buyerFactor      buyers' noise rates are multiplied by this (several identities, careless entry)
     * @param recipientBirthDate share of rows giving the recipient's date of birth
     * @param recipientMiddle  share of rows giving the recipient's middle name
     */
    public record Noise(double upperCase, double lowerCase, double stripAccents, double compoundShort,
            double particleVariant, double maAbbreviation, double typo, double swapNames, double missingBirthDate,
            double missingPhone, double renewDocument, double renewPhone, double buyerFactor,
            double recipientBirthDate, double recipientMiddle) {
        public static Noise defaults() {
            return new Noise(0.6, 0.03, 0.3, 0.08, 0.3, 0.4, 0.02, 0.01, 0.08, 0.1, 0.12, 0.15, 2.5, 0.4, 0.5);
        }
    }

    /**
     * The operator's mechanics.
     *
     * @param agencyOpenHour   agencies open (Monday to Saturday, Paris time)
     * @param agencyCloseHour  agencies close
     * @param payoutOpenHour   payout agencies open (every day, Manila time)
     * @param payoutCloseHour  payout agencies close
     * @param cancelled        share of transfers cancelled before payout
     * @param refunded         share refunded
     * @param held             share held by the operator's compliance (romance victims: five times more)
     * @param eurPhpStart      mid EUR/PHP rate on the first day (units of 1/10,000)
     * @param eurPhpDailySigma daily random-walk step of the rate (units of 1/10,000)
     * @param rateMargin       the operator's margin on the rate
     * @param payoutMinutesFacilitator median minutes from send to payout for facilitators
     * @param payoutMinutesQuick       the same for partners and scam rings
     * @param payoutMinutesSlow        the same for workers and sponsorship coordinators
     * @param payoutMinutesFamily      the same for relatives, sponsored families and friends
     * @param payoutSigma              log-normal spread of every payout delay
     */
    public record Operations(int agencyOpenHour, int agencyCloseHour, int payoutOpenHour, int payoutCloseHour,
            double cancelled, double refunded, double held, long eurPhpStart, long eurPhpDailySigma,
            double rateMargin, double payoutMinutesFacilitator, double payoutMinutesQuick, double payoutMinutesSlow,
            double payoutMinutesFamily, double payoutSigma) {
        public static Operations defaults() {
            return new Operations(9, 19, 8, 20, 0.012, 0.004, 0.002, 610_000, 1_500, 0.015, 45, 150, 24 * 60, 18 * 60, 1.0);
        }
    }
}
