package org.piste.app.referrals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.piste.normal.Countries;
import org.piste.normal.Phones;
import org.piste.resolve.Names;
import org.piste.resolve.PersonRecord;

/** A referral subject as the resolver's person record: name split, phone in E.164, masked phones dropped. */
final class SubjectRecords {
    private SubjectRecords() {}

    static PersonRecord of(String id, Referral.Subject s) {
        String[] names = split(s.name());
        Optional<String> country = s.country().isEmpty() ? Optional.empty() : Countries.toAlpha2(s.country());
        return new PersonRecord(id, names[0], "", names[1], s.name(), Optional.empty(), "", phone(s, country), s.email(),
                "", "", s.city(), country.orElse(""));
    }

    /**
     * Given names and surname. "SURNAME Given" (leading words in capitals, then a word that is not) puts the
     * capitals in the surname; anything else goes to {@link Names#splitFullName} ("Given Surname", "SURNAME, Given").
     */
    static String[] split(String name) {
        String[] words = name.strip().split("\\s+");
        int capitals = 0;
        while (capitals < words.length && isCapitalised(words[capitals])) capitals++;
        if (capitals > 0 && capitals < words.length && name.indexOf(',') < 0) {
            return new String[] {String.join(" ", Arrays.asList(words).subList(capitals, words.length)),
                    String.join(" ", Arrays.asList(words).subList(0, capitals))};
        }
        return Names.splitFullName(name);
    }

    private static boolean isCapitalised(String word) {
        long letters = word.chars().filter(Character::isLetter).count();
        return letters >= 2 && word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals(word.toLowerCase(Locale.ROOT));
    }

    /**
     * The phone in E.164, or "" when missing, masked (XXXX) or unreadable. Without a + (or 00) prefix it is read
     * in the subject's country, else in France for a buyer and the Philippines for a facilitator.
     */
    static String phone(Referral.Subject s, Optional<String> country) {
        String raw = s.phone();
        if (raw.isEmpty() || raw.toUpperCase(Locale.ROOT).contains("X") || raw.contains("*")) return "";
        String region = country.orElse(s.role() == Referral.Role.BUYER ? "FR" : "PH");
        return Phones.toE164(raw, Optional.of(region)).orElse("");
    }
}
