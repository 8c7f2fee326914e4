package org.piste.app.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.piste.resolve.Names;
import org.piste.resolve.Nicknames;

/**
 * A name searched, in the resolver's terms: each word of the query (folded, titles dropped, abbreviations expanded,
 * particles left out, by {@link Names}) must be a word of the person's name, or a nickname of one ({@link Nicknames}),
 * or the start of one (three letters or more). "Dela Cruz", "De La Cruz" and "Delacruz" find each other.
 *
 * @param words  one set of acceptable spellings per word of the query (the word and its nicknames)
 * @param lookup per word, what the index looks for: its spellings, and a surname typed with its particles glued on
 *               without them ("delacruz" also as "cruz", since the stored name is "de la cruz"); wider than words
 */
record NameQuery(List<Set<String>> words, List<Set<String>> lookup) {
    private static final int PREFIX_MIN = 3;

    NameQuery {
        words = List.copyOf(words);
        lookup = List.copyOf(lookup);
    }

    static NameQuery of(String text) {
        List<Set<String>> words = new ArrayList<>(), lookup = new ArrayList<>();
        for (String token : Names.givenTokens(text)) {
            if (Names.isParticle(token)) continue;
            Set<String> spellings = new LinkedHashSet<>(List.of(token));
            spellings.addAll(Nicknames.variants(token));
            words.add(Set.copyOf(spellings));
            unglued(token).ifPresent(spellings::add);
            lookup.add(Set.copyOf(spellings));
        }
        return new NameQuery(words, lookup);
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** Per word, its spellings for the index to narrow the rows with (a row needs one spelling of every word). */
    List<List<String>> spellings() {
        return lookup.stream().map(w -> w.stream().sorted().toList()).toList();
    }

    /** Whether a party's name, as its record wrote it, has every word of the query. */
    boolean matches(String given, String middle, String surname, String fullName) {
        Set<String> name = words(given, middle, surname, fullName);
        for (Set<String> word : words) {
            if (word.stream().noneMatch(w -> has(name, w))) return false;
        }
        return true;
    }

    private static boolean has(Set<String> name, String word) {
        for (String n : name) {
            if (n.equals(word) || Nicknames.compatible(n, word)) return true;
            if (word.length() >= PREFIX_MIN && n.startsWith(word)) return true;
        }
        return false;
    }

    /** The words of a record's name as the resolver reads them, with the surname also whole and without particles. */
    private static Set<String> words(String given, String middle, String surname, String fullName) {
        String sur = Names.surnameAsWritten(surname, fullName);
        String giv = given.isBlank() && surname.isBlank() && !fullName.isBlank() ? Names.splitFullName(fullName)[0] : given;
        Set<String> out = new HashSet<>(Names.givenTokens(giv));
        out.addAll(Names.givenTokens(middle));
        List<String> surnameTokens = Names.surnameTokens(sur);
        out.addAll(surnameTokens);
        out.add(Names.surnameKey(surnameTokens));
        out.add(Names.surnameCore(surnameTokens));
        return out;
    }

    /** A surname typed with its particles glued on ("delacruz"), without them ("cruz"), for the index to find. */
    private static Optional<String> unglued(String token) {
        String rest = token;
        boolean cut = true;
        while (cut) {
            cut = false;
            for (int end = rest.length() - PREFIX_MIN; end >= 1; end--) {
                if (Names.isParticle(rest.substring(0, end))) {
                    rest = rest.substring(end);
                    cut = true;
                    break;
                }
            }
        }
        return rest.equals(token) ? Optional.empty() : Optional.of(rest);
    }
}
