package org.piste.screen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * An explanation sentence as a wording and typed arguments, so that each language words it in its own place: English
 * here ({@link Wording#english()}, what the CLI prints and results store), other languages in the application's
 * bundles (key {@code alerts.explain.<key>}), numbers formatted the reader's way. A sentence may hold another (a
 * recipient's reasons inside a sender's network sentence). Stored text from before sentences had wordings comes back
 * {@link #verbatim}: shown as written in every language.
 */
public record Sentence(Wording wording, List<Arg> args) {
    public Sentence {
        Objects.requireNonNull(wording);
        args = List.copyOf(args);
        if (args.size() != wording.arity) {
            throw new IllegalArgumentException(wording + " takes " + wording.arity + " arguments, not " + args.size());
        }
    }

    public static Sentence of(Wording wording, Arg... args) {
        return new Sentence(wording, List.of(args));
    }

    /** Text stored without a wording (results saved before sentences were keyed): the same in every language. */
    public static Sentence verbatim(String text) {
        return of(Wording.VERBATIM, new AsWritten(text));
    }

    public boolean isVerbatim() {
        return wording == Wording.VERBATIM;
    }

    /** The English sentence: the one wording in English, numbers as the CLI always printed them (no grouping). */
    public String english() {
        return render(Locale.ROOT, Wording::english);
    }

    /**
     * The sentence in a language: {@code patterns} gives each wording's pattern ({@code {0}}, {@code {1}}... for the
     * arguments, no other quoting); numbers are written the locale's way (French: decimal comma, narrow no-break space
     * between thousands), except in English and {@link Locale#ROOT}, which keep the CLI's plain digits.
     */
    public String render(Locale locale, Function<Wording, String> patterns) {
        if (isVerbatim()) return ((AsWritten) args.get(0)).text();
        String pattern = patterns.apply(wording);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            int close = ch == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && digits(pattern, i + 1, close)) {
                out.append(text(args.get(Integer.parseInt(pattern, i + 1, close, 10)), locale, patterns));
                i = close;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) return false;
        }
        return true;
    }

    private static String text(Arg arg, Locale locale, Function<Wording, String> patterns) {
        boolean plain = locale.getLanguage().isEmpty() || locale.getLanguage().equals("en");
        return switch (arg) {
            case Count c -> plain ? Long.toString(c.n()) : String.format(locale, "%,d", c.n());
            case Decimal d when plain && Double.isFinite(d.value()) -> plain(d);
            case Decimal d -> !Double.isFinite(d.value()) && !plain ? (d.value() < 0 ? "-∞" : "∞")
                    : String.format(plain ? Locale.ROOT : locale, "%" + (d.signed() ? "+" : "") + (plain ? "" : ",")
                            + "." + d.digits() + "f", d.value());
            case Amount a -> plain ? a.value().toPlainString() : amount(a.value(), locale);
            case AsWritten w -> w.text();
            case Part p -> p.sentence().render(locale, patterns);
        };
    }

    /**
     * A finite decimal as {@code String.format(Locale.ROOT, "%.nf")} (with {@code +} when signed) writes it: the shortest
     * decimal that reads back as the double, rounded half up. Every run renders every reason in English, and the
     * formatter parsing its pattern each time was most of what a run allocated for them.
     */
    static String plain(Decimal d) {
        double v = d.value();
        String magnitude = BigDecimal.valueOf(Math.abs(v)).setScale(d.digits(), RoundingMode.HALF_UP).toPlainString();
        if (Math.copySign(1.0, v) < 0) return "-" + magnitude; // -0.0 too: the formatter writes "-0.00"
        return d.signed() ? "+" + magnitude : magnitude;
    }

    private static String amount(BigDecimal value, Locale locale) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(Math.max(0, value.scale()));
        f.setMaximumFractionDigits(Math.max(0, value.scale()));
        return f.format(value);
    }

    /** An argument: typed, so each language can write numbers its own way. */
    public sealed interface Arg permits Count, Decimal, Amount, AsWritten, Part {}

    /** A count (transfers, recipients, days). */
    public record Count(long n) implements Arg {}

    /** A measured number shown with this many decimals, with its sign when {@code signed} (a trend). */
    public record Decimal(double value, int digits, boolean signed) implements Arg {}

    /** An amount in the rule's or the transfers' currency, written with its own decimals (trailing zeros stripped). */
    public record Amount(BigDecimal value) implements Arg {
        public Amount {
            value = value.stripTrailingZeros();
            if (value.scale() < 0) value = value.setScale(0);
        }
    }

    /** Source data shown as written in every language: an entity id, a surname key. */
    public record AsWritten(String text) implements Arg {
        public AsWritten {
            Objects.requireNonNull(text);
        }
    }

    /** A sentence inside this one. */
    public record Part(Sentence sentence) implements Arg {}

    static Count count(long n) {
        return new Count(n);
    }

    static Decimal decimal(double value, int digits) {
        return new Decimal(value, digits, false);
    }

    static Part part(Sentence s) {
        return new Part(s);
    }
}
