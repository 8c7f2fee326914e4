package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ValuesAmountProperties {
    private static final Values FR = new Values(Profiles.load("fr-operator"));
    private static final Values CANONICAL = new Values(Profiles.load("canonical"));

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.integers().between(0, 6).flatMap(scale -> Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("1000000000000000")).ofScale(scale));
    }

    @Provide
    Arbitrary<BigDecimal> positiveAmounts() {
        return amounts().filter(a -> a.signum() > 0);
    }

    /** "1234567.8" -> "1.234.567,8": French notation, written independently of the parser. */
    static String french(BigDecimal amount) {
        String plain = amount.toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) out.append('.');
            out.append(integer.charAt(i));
        }
        if (dot >= 0) out.append(',').append(plain.substring(dot + 1));
        return out.toString();
    }

    private static void assertSameAmount(BigDecimal parsed, BigDecimal expected) {
        assertThat(parsed).isEqualByComparingTo(expected);
        assertThat(parsed.scale()).as("decimals as written").isEqualTo(expected.scale());
    }

    @Property
    void frenchNotationWithGroupingReadsBackEqual(@ForAll("amounts") BigDecimal amount) throws RowProblem {
        assertSameAmount(FR.amount("sent_amount", french(amount)), amount);
    }

    @Property
    void frenchNotationWithoutGroupingOrWithSpacesReadsBackEqual(@ForAll("amounts") BigDecimal amount) throws RowProblem {
        String ungrouped = amount.toPlainString().replace('.', ',');
        assertSameAmount(FR.amount("sent_amount", ungrouped), amount);
        assertSameAmount(FR.amount("sent_amount", french(amount).replace('.', '\u00A0')), amount);
        assertSameAmount(FR.amount("sent_amount", " " + french(amount).replace('.', ' ') + " "), amount);
    }

    @Property
    void decimalPointIsRefusedByTheFrenchProfileRatherThanReadAsGrouping(
            @ForAll @IntRange(min = 0, max = 99_999_999) int cents, @ForAll("notThree") int scale) {
        BigDecimal amount = BigDecimal.valueOf(cents, scale);
        String written = amount.toPlainString(); // "50.00", "1234.56", "0.5"
        assertThatThrownBy(() -> FR.amount("sent_amount", written))
                .isInstanceOfSatisfying(RowProblem.class,
                        p -> assertThat(p.reason).isEqualTo(RejectReason.UNPARSEABLE_AMOUNT));
    }

    @Provide
    Arbitrary<Integer> notThree() {
        return Arbitraries.of(1, 2, 4, 5, 6);
    }

    @Example
    void fiftyWithDecimalPointIsNotFiveThousand() {
        assertThatThrownBy(() -> FR.amount("sent_amount", "50.00")).isInstanceOf(RowProblem.class);
        assertThatThrownBy(() -> FR.amount("sent_amount", "1.234.56")).isInstanceOf(RowProblem.class);
        assertThatThrownBy(() -> FR.amount("sent_amount", "12.34,56")).isInstanceOf(RowProblem.class);
        // A first group longer than three, or empty, is no grouping: refused, not read as 0,89.
        assertThatThrownBy(() -> FR.amount("sent_amount", "1234.567,89")).isInstanceOf(RowProblem.class);
        assertThatThrownBy(() -> FR.amount("sent_amount", ".234,89")).isInstanceOf(RowProblem.class);
    }

    @Property
    void negativesAreRejectedAsNegative(@ForAll("positiveAmounts") BigDecimal amount) {
        for (String written : new String[] {"-" + french(amount), "(" + french(amount) + ")", "- " + french(amount)}) {
            assertThatThrownBy(() -> FR.amount("sent_amount", written))
                    .as(written)
                    .isInstanceOfSatisfying(RowProblem.class,
                            p -> assertThat(p.reason).isEqualTo(RejectReason.NEGATIVE_AMOUNT));
        }
    }

    @Example
    void decimalSeparatorFirstMeansNoUnits() throws RowProblem {
        assertThat(FR.amount("sent_amount", ",50")).isEqualTo(new BigDecimal("0.50"));
        assertThat(CANONICAL.amount("sent_amount", ".5")).isEqualTo(new BigDecimal("0.5"));
    }

    @Example
    void minusZeroIsZero() throws RowProblem {
        assertThat(FR.amount("fee_amount", "-0,00")).isEqualByComparingTo("0");
        assertThat(FR.amount("fee_amount", "+12,50")).isEqualByComparingTo("12.5");
    }

    @Property
    void canonicalDecimalPointReadsBackEqual(@ForAll("amounts") BigDecimal amount) throws RowProblem {
        assertSameAmount(CANONICAL.amount("sent_amount", amount.toPlainString()), amount);
    }

    @Example
    void canonicalRefusesGroupingAndDecimalComma() {
        for (String written : new String[] {"1,234.56", "50,00", "1.234,56"}) {
            assertThatThrownBy(() -> CANONICAL.amount("sent_amount", written)).as(written)
                    .isInstanceOfSatisfying(RowProblem.class,
                            p -> assertThat(p.reason).isEqualTo(RejectReason.UNPARSEABLE_AMOUNT));
        }
    }

    @Example
    void textThatIsNotANumberIsUnparseable() {
        for (String written : new String[] {"", ",", "-", "()", "12a", "1e5", "1,2,3", "12,", "EUR 12", "١٢"}) {
            assertThatThrownBy(() -> FR.amount("sent_amount", written)).as("'%s'", written)
                    .isInstanceOfSatisfying(RowProblem.class,
                            p -> assertThat(p.reason).isEqualTo(RejectReason.UNPARSEABLE_AMOUNT));
        }
    }

    @Property
    void parsedAmountsAreNeverNegative(@ForAll String anything) {
        try {
            assertThat(FR.amount("sent_amount", anything).signum()).isGreaterThanOrEqualTo(0);
        } catch (RowProblem refused) {
            assertThat(refused.reason).isIn(RejectReason.UNPARSEABLE_AMOUNT, RejectReason.NEGATIVE_AMOUNT);
        }
    }
}
