package org.piste.sim;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Every parameter of the simulator, with documented defaults. The module README gives, for each figure, its
 * source in docs/typology.md or marks it as an assumption. Amounts are in euro cents or whole euros as named.
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
 * @param patterns      the patterns that make entity resolution hard (all off by default), and family sizes
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
        Operations operations,
        Patterns patterns) {

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
        Objects.requireNonNull(patterns);
    }

    /** 2,000 senders over 24 months from January 2023, seed 42, 0.2% bad rows, 0.1% duplicates, 4 referrals. */
    public static SimConfig defaults() {
        return new SimConfig(2_000, 24, YearMonth.of(2023, 1), 42L, "SIMOP", 0.002, 0.001, 4,
                Shares.defaults(), Buyers.defaults(), Others.defaults(), Noise.defaults(), Operations.defaults(),
                Patterns.defaults());
    }

    /** The defaults with a preset's parameters (see {@link Preset}). */
    public static SimConfig preset(Preset preset) {
        return preset.config();
    }

    public SimConfig withSenders(int n) {
        return new SimConfig(n, months, start, seed, provider, badRowRate, duplicateRate, referrals, shares, buyers,
                others, noise, operations, patterns);
    }

    public SimConfig withMonths(int m) {
        return new SimConfig(senders, m, start, seed, provider, badRowRate, duplicateRate, referrals, shares, buyers,
                others, noise, operations, patterns);
    }

    public SimConfig withSeed(long s) {
        return new SimConfig(senders, months, start, s, provider, badRowRate, duplicateRate, referrals, shares, buyers,
                others, noise, operations, patterns);
    }

    public SimConfig withStart(YearMonth first) {
        return new SimConfig(senders, months, first, seed, provider, badRowRate, duplicateRate, referrals, shares,
                buyers, others, noise, operations, patterns);
    }

    public SimConfig withBadRows(double badRows, double duplicates) {
        return new SimConfig(senders, months, start, seed, provider, badRows, duplicates, referrals, shares, buyers,
                others, noise, operations, patterns);
    }

    public SimConfig withReferrals(int n) {
        return new SimConfig(senders, months, start, seed, provider, badRowRate, duplicateRate, n, shares, buyers,
                others, noise, operations, patterns);
    }

    public SimConfig withShares(Shares s) {
        return new SimConfig(senders, months, start, seed, provider, badRowRate, duplicateRate, referrals, s, buyers,
                others, noise, operations, patterns);
    }

    public SimConfig withBuyers(Buyers b) {
        return new SimConfig(senders, months, start, seed, provider, badRowRate, duplicateRate, referrals, shares, b,
                others, noise, operations, patterns);
    }

    public SimConfig withNoise(Noise n) {
        return new SimConfig(senders, months, start, seed, provider, badRowRate, duplicateRate, referrals, shares, buyers,
                others, n, operations, patterns);
    }

    public SimConfig withPatterns(Patterns p) {
        return new SimConfig(senders, months, start, seed, provider, badRowRate, duplicateRate, referrals, shares, buyers,
                others, noise, operations, p);
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
     * @param carefulShare          share of careful buyers: 2 to 10 payments, in the daytime, without bursts, all to
     *                              one facilitator (0 by default: the typology's buyers only)
     * @param loneFacilitatorShare  share of buyers whose first facilitator is one of their own, paid by about no
     *                              other buyer (0 by default: every operation is shared by tens of buyers)
     * @param familyShare           share of buyers who also send a relative (Filipino-named buyers: one of their
     *                              surname) or a partner a monthly remittance (0 by default)
     * @param facilitatorFamilyShare share of diaspora families whose receiving parent is a facilitator (the first
     *                              member of an operation): relatives abroad who send her family money, with her
     *                              surname (0 by default)
     */
    public record Buyers(double careerParetoAlpha, int careerMaxPayments, double intervalScaleDays,
            double intervalExponent, double burstShare, double burstGapHours, double priceMedianEur, double priceSigma,
            double paymentSigma, double amountEscalationMax, double intervalEscalation, double nightShareMin, double nightShareMax,
            double agencyShare, double buyersPerFacilitator, double facilitatorZipf, double familyOperationShare,
            int maxOperationsPerBuyer, double operationsPerBuyer, double carefulShare, double loneFacilitatorShare,
            double familyShare, double facilitatorFamilyShare) {
        public Buyers {
            if (carefulShare < 0 || carefulShare > 1) throw new IllegalArgumentException("carefulShare must be 0..1");
            if (loneFacilitatorShare < 0 || loneFacilitatorShare > 1) {
                throw new IllegalArgumentException("loneFacilitatorShare must be 0..1");
            }
            if (familyShare < 0 || familyShare > 1) throw new IllegalArgumentException("familyShare must be 0..1");
            if (facilitatorFamilyShare < 0 || facilitatorFamilyShare > 1) {
                throw new IllegalArgumentException("facilitatorFamilyShare must be 0..1");
            }
        }

        public static Buyers defaults() {
            return new Buyers(1.2, 900, 60, 0.4, 0.45, 20, 50, 0.6, 0.45, 1.0, 0.6, 0.5, 0.9, 0.1, 40, 0.8, 0.5, 4, 1.5, 0, 0, 0, 0);
        }

        /** These buyers with this share of careful ones. */
        public Buyers withCarefulShare(double share) {
            return new Buyers(careerParetoAlpha, careerMaxPayments, intervalScaleDays, intervalExponent, burstShare,
                    burstGapHours, priceMedianEur, priceSigma, paymentSigma, amountEscalationMax, intervalEscalation,
                    nightShareMin, nightShareMax, agencyShare, buyersPerFacilitator, facilitatorZipf, familyOperationShare,
                    maxOperationsPerBuyer, operationsPerBuyer, share, loneFacilitatorShare, familyShare, facilitatorFamilyShare);
        }

        /** These buyers with this share paying a facilitator of their own. */
        public Buyers withLoneFacilitatorShare(double share) {
            return new Buyers(careerParetoAlpha, careerMaxPayments, intervalScaleDays, intervalExponent, burstShare,
                    burstGapHours, priceMedianEur, priceSigma, paymentSigma, amountEscalationMax, intervalEscalation,
                    nightShareMin, nightShareMax, agencyShare, buyersPerFacilitator, facilitatorZipf, familyOperationShare,
                    maxOperationsPerBuyer, operationsPerBuyer, carefulShare, share, familyShare, facilitatorFamilyShare);
        }

        /** These buyers with this share also supporting a relative or a partner. */
        public Buyers withFamilyShare(double share) {
            return new Buyers(careerParetoAlpha, careerMaxPayments, intervalScaleDays, intervalExponent, burstShare,
                    burstGapHours, priceMedianEur, priceSigma, paymentSigma, amountEscalationMax, intervalEscalation,
                    nightShareMin, nightShareMax, agencyShare, buyersPerFacilitator, facilitatorZipf, familyOperationShare,
                    maxOperationsPerBuyer, operationsPerBuyer, carefulShare, loneFacilitatorShare, share, facilitatorFamilyShare);
        }

        /** These buyers' facilitators with this share of diaspora families sending one of them family money. */
        public Buyers withFacilitatorFamilyShare(double share) {
            return new Buyers(careerParetoAlpha, careerMaxPayments, intervalScaleDays, intervalExponent, burstShare,
                    burstGapHours, priceMedianEur, priceSigma, paymentSigma, amountEscalationMax, intervalEscalation,
                    nightShareMin, nightShareMax, agencyShare, buyersPerFacilitator, facilitatorZipf, familyOperationShare,
                    maxOperationsPerBuyer, operationsPerBuyer, carefulShare, loneFacilitatorShare, familyShare, share);
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

    /** How much of the beneficiary's identity a row carries. */
    public enum BeneficiaryDetail {
        /** Names, sometimes a date of birth, an ID when paid out, a phone, an address and a city. */
        FULL,
        /** Given names, middle name and surname only: the payout city and agency are the only place. */
        NAME_AND_PLACE
    }

    /**
     * The patterns that make entity resolution hard, each off by default (the defaults reproduce the files of
     * earlier versions byte for byte), and the sizes of diaspora families.
     *
     * @param beneficiaryDetail    what the recipient columns carry
     * @param familySizes          shares of diaspora families with 1, 2, 3... senders; they must sum to 1
     * @param sharedHousehold      share of diaspora families with two or more senders whose siblings live together:
     *                             one surname, one address, one household e-mail
     * @param couple               share of those families in which the second sender is the first one's spouse
     *                             (same surname, address and e-mail; other given name, sex and date of birth)
     * @param sameNameSenders      share of those families in which the second sender is the first one's father or
     *                             son with the same given name and surname (and address and e-mail); the three shares
     *                             are exclusive and sum to at most 1
     * @param sharedHouseholdPhone share of the households above that also share one phone
     * @param sameNameRecipients   share of diaspora families whose receiving parent is a father and whose son, with
     *                             his given name and surname and living with him, receives too
     * @param juniorSuffix         share of rows naming the younger of a same-name father and son that write "Jr."
     * @param sharedOffice         share of senders who give the e-mail or phone of an office or remittance helper
     *                             shared with unrelated senders, instead of their own
     * @param officeGroupSize      mean senders per office contact
     * @param birthDateTypo        share of written dates of birth with a typing error (day and month transposed,
     *                             one digit changed, year off by one, year off by ten, or a century typo)
     * @param birthDatePlaceholder share of unknown dates of birth written as a placeholder (1900-01-01, 0001-01-01)
     *                             instead of being left empty
     * @param oldBirthDates        share of persons born before 1900 (a pattern of person lists such as genealogical
     *                             or sanctions lists, not of transfers)
     */
    public record Patterns(BeneficiaryDetail beneficiaryDetail, List<Double> familySizes, double sharedHousehold,
            double couple, double sameNameSenders, double sharedHouseholdPhone, double sameNameRecipients,
            double juniorSuffix, double sharedOffice, int officeGroupSize, double birthDateTypo,
            double birthDatePlaceholder, double oldBirthDates) {
        public Patterns {
            Objects.requireNonNull(beneficiaryDetail);
            familySizes = List.copyOf(familySizes);
            double sum = 0;
            for (double w : familySizes) {
                if (w < 0) throw new IllegalArgumentException("familySizes must not be negative");
                sum += w;
            }
            if (familySizes.isEmpty() || Math.abs(sum - 1.0) > 1e-9) {
                throw new IllegalArgumentException("familySizes sum to " + sum + ", not 1");
            }
            for (double share : new double[] {sharedHousehold, couple, sameNameSenders, sharedHouseholdPhone,
                sameNameRecipients, juniorSuffix, sharedOffice, birthDateTypo, birthDatePlaceholder, oldBirthDates}) {
                if (share < 0 || share > 1) throw new IllegalArgumentException("pattern shares must be 0..1, was " + share);
            }
            if (sharedHousehold + couple + sameNameSenders > 1 + 1e-9) {
                throw new IllegalArgumentException("sharedHousehold + couple + sameNameSenders must be at most 1");
            }
            if (officeGroupSize < 2) throw new IllegalArgumentException("officeGroupSize must be >= 2");
        }

        /** Everything off: full beneficiary identities, 1/2/3 senders per family with 0.6/0.28/0.12. */
        public static Patterns defaults() {
            return new Patterns(BeneficiaryDetail.FULL, List.of(0.6, 0.28, 0.12), 0, 0, 0, 0.3, 0, 0.3, 0, 10, 0, 0, 0);
        }

        public Patterns withBeneficiaryDetail(BeneficiaryDetail d) {
            return new Patterns(d, familySizes, sharedHousehold, couple, sameNameSenders, sharedHouseholdPhone,
                    sameNameRecipients, juniorSuffix, sharedOffice, officeGroupSize, birthDateTypo, birthDatePlaceholder,
                    oldBirthDates);
        }

        /** Families: sizes, shared homes (siblings, couples, same-name father and son), same-name recipients. */
        public Patterns withFamilies(List<Double> sizes, double siblings, double couples, double sameNameSenders,
                double phone, double sameNameRecipients, double juniorSuffix) {
            return new Patterns(beneficiaryDetail, sizes, siblings, couples, sameNameSenders, phone, sameNameRecipients,
                    juniorSuffix, sharedOffice, officeGroupSize, birthDateTypo, birthDatePlaceholder, oldBirthDates);
        }

        public Patterns withSharedOffice(double share, int groupSize) {
            return new Patterns(beneficiaryDetail, familySizes, sharedHousehold, couple, sameNameSenders,
                    sharedHouseholdPhone, sameNameRecipients, juniorSuffix, share, groupSize, birthDateTypo,
                    birthDatePlaceholder, oldBirthDates);
        }

        public Patterns withBirthDates(double typo, double placeholder, double old) {
            return new Patterns(beneficiaryDetail, familySizes, sharedHousehold, couple, sameNameSenders,
                    sharedHouseholdPhone, sameNameRecipients, juniorSuffix, sharedOffice, officeGroupSize, typo,
                    placeholder, old);
        }

        /** True when some families share a home with another sender or have a same-name father and son. */
        boolean kinship() {
            return sharedHousehold + couple + sameNameSenders > 0 || sameNameRecipients > 0;
        }
    }

    /**
     * Ready-made combinations of the patterns. DEFAULT is today's data; NAMES_ONLY writes beneficiaries as names
     * only; FAMILY_HEAVY has more and larger diaspora families that share homes and names; HARD combines
     * names-only beneficiaries, FAMILY_HEAVY, shared office contacts, date-of-birth typos and placeholders, with 15% of
     * careful buyers, 20% of buyers who also pay family and a few families sending a facilitator family money.
     */
    public enum Preset {
        DEFAULT, NAMES_ONLY, FAMILY_HEAVY, HARD;

        /** The default configuration with this preset's parameters. */
        public SimConfig config() {
            SimConfig d = defaults();
            Patterns p = d.patterns();
            return switch (this) {
                case DEFAULT -> d;
                case NAMES_ONLY -> d.withPatterns(p.withBeneficiaryDetail(BeneficiaryDetail.NAME_AND_PLACE));
                case FAMILY_HEAVY -> familyHeavy(d);
                case HARD -> {
                    SimConfig f = familyHeavy(d);
                    // Screening's hard negatives and hard positives too: careful buyers, buyers who also pay family,
                    // facilitators whose relatives abroad send them family money (about 14 families at 20,000 senders).
                    yield f.withPatterns(f.patterns().withBeneficiaryDetail(BeneficiaryDetail.NAME_AND_PLACE)
                            .withSharedOffice(0.05, 10).withBirthDates(0.03, 0.3, 0))
                            .withBuyers(f.buyers().withCarefulShare(0.15).withFamilyShare(0.2).withFacilitatorFamilyShare(0.002));
                }
            };
        }

        private static SimConfig familyHeavy(SimConfig d) {
            Shares s = d.shares();
            // Ten points of occasional senders (16.6% by default) become diaspora family senders.
            Shares more = new Shares(s.diasporaFamily() + 0.10, s.partner(), s.sponsor(), s.employer(),
                    s.romanceVictim(), s.occasional() - 0.10, s.buyer(), s.filipinoNamedOthers());
            return d.withShares(more).withPatterns(d.patterns().withFamilies(List.of(0.35, 0.3, 0.2, 0.15),
                    0.5, 0.15, 0.1, 0.3, 0.25, 0.3));
        }
    }
}
