package org.piste.resolve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.piste.normal.Text;

/**
 * Given-name short forms: two names are nickname-compatible when they share a formal form
 * ("bill" and "will" both of william). English list from the nicknames project, plus Filipino and French.
 */
public final class Nicknames {
    private static final Map<String, Set<String>> FORMALS = load();
    /** Formal form to every name that stands for it (itself included): the reverse of FORMALS, for look-ups. */
    private static final Map<String, Set<String>> SHORT_FORMS = reverse(FORMALS);

    private Nicknames() {}

    public static boolean compatible(String a, String b) {
        if (a.equals(b)) return true;
        Set<String> fa = FORMALS.getOrDefault(a, Set.of(a));
        Set<String> fb = FORMALS.getOrDefault(b, Set.of(b));
        if (fa.contains(b) || fb.contains(a)) return true;
        for (String f : fa) if (fb.contains(f)) return true;
        return false;
    }

    /**
     * Every name {@link #compatible} with {@code name} (folded, as {@link Text#fold} writes it), itself included:
     * the names to look for when a search gives one ("bill" -> william, will, billy...).
     */
    public static Set<String> variants(String name) {
        Set<String> out = new HashSet<>(Set.of(name));
        for (String formal : FORMALS.getOrDefault(name, Set.of(name))) {
            out.add(formal);
            out.addAll(SHORT_FORMS.getOrDefault(formal, Set.of()));
        }
        return Set.copyOf(out);
    }

    private static Map<String, Set<String>> reverse(Map<String, Set<String>> formals) {
        Map<String, Set<String>> out = new HashMap<>();
        formals.forEach((name, fs) -> fs.forEach(f -> out.computeIfAbsent(f, k -> new HashSet<>()).add(name)));
        Map<String, Set<String>> frozen = new HashMap<>();
        out.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Map.copyOf(frozen);
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> formals = new HashMap<>();
        for (String resource : new String[] {"/resolve/nicknames.csv", "/resolve/nicknames-extra.csv"}) {
            try (InputStream in = Nicknames.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing resource " + resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith("#") || line.startsWith("name1,")) continue;
                    String[] parts = line.split(",");
                    if (parts.length != 3) continue;
                    String formal = Text.fold(parts[0]), nick = Text.fold(parts[2]);
                    formals.computeIfAbsent(nick, k -> new HashSet<>(Set.of(k))).add(formal);
                    formals.computeIfAbsent(formal, k -> new HashSet<>(Set.of(k)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        formals.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Map.copyOf(frozen);
    }
}
