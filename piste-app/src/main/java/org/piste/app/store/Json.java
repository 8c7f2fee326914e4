package org.piste.app.store;

import java.util.List;
import java.util.Map;
import org.piste.resolve.Evidence;

/** Writes the little JSON Piste stores (evidence lists, counts by kind); PostgreSQL reads it back. */
public final class Json {
    private Json() {}

    public static String evidence(List<Evidence> evidence) {
        StringBuilder s = new StringBuilder(evidence.size() * 96).append('[');
        for (Evidence e : evidence) {
            if (s.length() > 1) s.append(',');
            s.append("{\"field\":");
            string(s, e.field()).append(",\"value_a\":");
            string(s, e.valueA()).append(",\"value_b\":");
            string(s, e.valueB()).append(",\"level\":");
            string(s, e.level()).append(",\"weight\":");
            number(s, e.weight()).append('}');
        }
        return s.append(']').toString();
    }

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
