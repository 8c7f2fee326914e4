package org.piste.normal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Phone numbers to E.164 with libphonenumber. Numbers without an international prefix are read in the
 * region of the party's country. Parsing is costly and the same numbers recur on every transfer of a
 * sender, so results are cached (bounded, per thread).
 */
public final class Phones {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Memo<String, Optional<String>> CACHE = Memo.perThread(250_000);

    private Phones() {}

    /**
     * @param raw    the number as written
     * @param region ISO 3166-1 alpha-2 of the party's country, used when the number has no + prefix
     */
    public static Optional<String> toE164(String raw, Optional<String> region) {
        String cleaned = Text.clean(raw);
        if (cleaned.isEmpty()) return Optional.empty();
        String key = region.orElse("ZZ") + '|' + cleaned;
        return CACHE.get(key, k -> parse(cleaned, region.orElse("ZZ")));
    }

    /**
     * Every E.164 a number typed without its country may stand for: read as written (with + or 00), with a + before
     * its digits, and in each region libphonenumber knows ("0917-123-4567" is +639171234567 in the Philippines). For
     * a search, which looks for all of them; a number with its prefix gives one reading.
     */
    public static Set<String> readings(String raw) {
        String cleaned = Text.clean(raw);
        Set<String> out = new TreeSet<>();
        if (digits(cleaned).replace("+", "").isEmpty()) return out;
        toE164(cleaned, Optional.empty()).ifPresent(out::add);
        if (cleaned.startsWith("+") || cleaned.startsWith("00")) return out;
        toE164("+" + digits(cleaned), Optional.empty()).ifPresent(out::add);
        for (String region : UTIL.getSupportedRegions()) toE164(cleaned, Optional.of(region)).ifPresent(out::add);
        return out;
    }

    /** A number that could not be read as E.164, compared by its digits (and a leading plus) only. */
    public static String digits(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= '0' && c <= '9') || c == '+') out.append(c);
        }
        return out.toString();
    }

    private static Optional<String> parse(String cleaned, String region) {
        String candidate = cleaned.startsWith("00") ? "+" + cleaned.substring(2) : cleaned;
        try {
            PhoneNumber number = UTIL.parse(candidate, region);
            if (!UTIL.isPossibleNumber(number)) return Optional.empty();
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException unreadable) {
            return Optional.empty();
        }
    }
}
