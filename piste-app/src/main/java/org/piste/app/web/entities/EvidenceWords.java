package org.piste.app.web.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The resolver's link evidence in the page's language: the core words a field and its level in English (kept so in
 * the stored links and the API), pages show them through the entities bundle ({@code entities.ev.field.*},
 * {@code entities.ev.level.*}; templates: {@code ${@evidenceWords.field(ev.field)}}). A level may carry notes after
 * ", " ("exact, names read swapped"), and a level may itself hold ", " ("year off by 1, 10 or 100"): the longest
 * known level comes first, each note after it is a known word too. A word with no translation is shown as stored,
 * never dropped.
 */
@Component("evidenceWords")
public class EvidenceWords {
    private final MessageSource messages;

    public EvidenceWords(MessageSource messages) {
        this.messages = messages;
    }

    public String field(String label) {
        return word("entities.ev.field.", label).orElse(label);
    }

    public String level(String text) {
        String[] parts = text.split(", ");
        for (int k = parts.length; k >= 1; k--) {
            Optional<String> base = word("entities.ev.level.", String.join(", ", Arrays.copyOfRange(parts, 0, k)));
            if (base.isEmpty()) continue;
            List<String> shown = new ArrayList<>(List.of(base.get()));
            for (int i = k; i < parts.length; i++) {
                Optional<String> note = word("entities.ev.level.", parts[i]);
                if (note.isEmpty()) return text;
                shown.add(note.get());
            }
            return String.join(", ", shown);
        }
        return text;
    }

    private Optional<String> word(String prefix, String english) {
        String key = prefix + english.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        try {
            return Optional.of(messages.getMessage(key, null, LocaleContextHolder.getLocale()));
        } catch (NoSuchMessageException e) {
            return Optional.empty();
        }
    }
}
