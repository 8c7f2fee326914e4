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

    public static StringBuilder string(StringBuilder s, String value) {
        s.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) s.append(String.format("\\u%04x", (int) c)); else s.append(c);
                }
            }
        }
        return s.append('"');
    }
}
