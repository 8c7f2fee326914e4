package org.piste.app.web.alerts;

import java.util.Locale;
import org.piste.screen.Sentence;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages show an explanation sentence (templates: {@code ${@sentences.text(contribution.sentence)}}): in English,
 * the core's own wording, exactly what the CLI prints; in another language, the pattern {@code alerts.explain.<key>}
 * of its alerts bundle with numbers written its way (French: decimal comma, narrow no-break space between thousands).
 * A sentence stored before sentences had wordings is shown as stored.
 */
@Component("sentences")
public class Sentences {
    /** Bundle keys of sentence wordings: {@code alerts.explain.} and the wording's key. */
    public static final String PREFIX = "alerts.explain.";
    private final MessageSource messages;

    public Sentences(MessageSource messages) {
        this.messages = messages;
    }

    public String text(Sentence sentence) {
        return text(sentence, LocaleContextHolder.getLocale());
    }

    public String text(Sentence sentence, Locale locale) {
        if (locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) return sentence.english();
        // No arguments: the pattern comes back as written, and Sentence fills it (no MessageFormat quoting).
        return sentence.render(locale, w -> messages.getMessage(PREFIX + w.key(), null, locale));
    }
}
