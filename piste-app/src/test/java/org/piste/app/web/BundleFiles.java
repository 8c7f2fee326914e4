package org.piste.app.web;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every message bundle as written on disk (UTF-8, as spring.messages reads them), by file name. */
final class BundleFiles {
    private BundleFiles() {}

    /** All bundles: "alerts.properties" (French) and "alerts_en.properties" (English) alike. */
    static Map<String, Properties> all() {
        Map<String, Properties> bundles = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                bundles.put(f.getFileName().toString(), p);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (bundles.size() < 2) throw new IllegalStateException("no bundles found in " + directory());
        return bundles;
    }

    /** The French bundles: the base files, without a language suffix. */
    static Map<String, Properties> french() {
        Map<String, Properties> french = new TreeMap<>(all());
        french.keySet().removeIf(name -> name.contains("_"));
        return french;
    }

    private static Path directory() {
        try {
            return Path.of(BundleFiles.class.getResource("/i18n/messages.properties").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
