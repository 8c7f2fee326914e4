package org.piste.app.store;

import java.util.Map;

/** Writes the little JSON Piste stores (counts by kind); PostgreSQL reads it back. */
public final class Json {
    private Json() {}

    public static String counts(Map<String, Long> counts) {
        StringBuilder s = new StringBuilder("{");
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (s.length() > 1) s.append(',');
            string(s, e.getKey()).append(':').append(e.getValue());
        });
        return s.append('}').toString();
    }

    /** A number; JSON has no infinities, so those are written as strings PostgreSQL's float8 accepts. */
    public static StringBuilder number(StringBuilder s, double x) {
        return Double.isFinite(x) ? s.append(x) : s.append('"').append(x).append('"');
    }

    /**
     * A string, quoted and escaped. The runs between characters to escape are copied whole: a run's explanations are
     * hashed by this text (and the text must not change, or every stored explanation is stored again), and at 10M
     * transfers they are a million strings of references that need no escape.
     */
    public static StringBuilder string(StringBuilder s, String value) {
        s.append('"');
        int clean = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            s.append(value, clean, i);
            clean = i + 1;
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(String.format("\\u%04x", (int) c));
            }
        }
        return s.append(value, clean, value.length()).append('"');
    }
}
