package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Spring formats a message with MessageFormat only when it has arguments, and MessageFormat reads a lone single quote
 * as the start of quoted text: "par l'enregistrement {0}" came out as "par lenregistrement {0}", the argument lost.
 * A value with arguments must write an apostrophe as ''; a value without must write it once (it is shown as is).
 */
class BundleApostropheTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    @Test
    void formattingAValueWithArgumentsKeepsEveryApostropheItShows() {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, Properties> bundle : BundleFiles.all().entrySet()) {
            Locale locale = bundle.getKey().contains("_en") ? Locale.ENGLISH : Locale.FRENCH;
            for (String key : bundle.getValue().stringPropertyNames()) {
                String raw = bundle.getValue().getProperty(key);
                if (!ARGUMENT.matcher(raw).find()) continue;
                MessageFormat format = new MessageFormat(raw, locale);
                String shown = format.format(sampleArguments(format));
                long expected = raw.replace("''", "'").chars().filter(c -> c == '\'').count();
                long kept = shown.chars().filter(c -> c == '\'').count();
                if (kept != expected || shown.contains("{")) broken.add(bundle.getKey() + ":" + key + " -> " + shown);
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void aValueWithoutArgumentsDoesNotDoubleItsApostrophes() {
        List<String> doubled = new ArrayList<>();
        BundleFiles.all().forEach((file, values) -> values.stringPropertyNames().forEach(key -> {
            String raw = values.getProperty(key);
            if (!ARGUMENT.matcher(raw).find() && raw.contains("''")) doubled.add(file + ":" + key);
        }));
        assertThat(doubled).isEmpty();
    }

    /** A number for a number format, a date for a date format, a plain word (without apostrophe) otherwise. */
    private static Object[] sampleArguments(MessageFormat format) {
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] args = new Object[Math.max(formats.length, 10)];
        for (int i = 0; i < args.length; i++) {
            Format f = i < formats.length ? formats[i] : null;
            args[i] = f instanceof NumberFormat ? (Object) 7 : f instanceof DateFormat ? new Date(0) : "x" + i;
        }
        return args;
    }
}
