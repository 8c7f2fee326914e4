package org.piste.app.refusals;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A request Piste refuses, worded once per language in the bundle {@code i18n/refusals}: the pages say it in the
 * reader's language (the key and arguments), the console and the API in English ({@link #getMessage()}, from the
 * same bundle's English values, so each sentence is written in one place per language). A bad argument, so every
 * caller that already handles {@link IllegalArgumentException} keeps doing so.
 */
public class Refused extends IllegalArgumentException {
    static final String BUNDLE = "i18n/refusals";
    private final String key;
    private final List<Object> args;

    public Refused(String key, Object... args) {
        super(english(key, args));
        this.key = Objects.requireNonNull(key);
        this.args = List.of(args);
    }

    /** The bundle key, without its {@code refused.} prefix. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }

    /** The sentence in {@code locale}, as Spring's message source formats it (MessageFormat only with arguments). */
    public String in(Locale locale) {
        return worded(ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)), key, args.toArray(), locale);
    }

    static String english(String key, Object... args) {
        return worded(ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)), key, args, Locale.ENGLISH);
    }

    private static String worded(ResourceBundle bundle, String key, Object[] args, Locale locale) {
        String pattern = bundle.getString("refused." + key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
