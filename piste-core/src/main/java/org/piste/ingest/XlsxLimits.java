package org.piste.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * What Piste reads from an XLSX workbook, checked before the streaming reader opens it. The reader streams the
 * rows but holds every shared string in memory, and reads each cell's text whole: a small file that inflates to
 * gigabytes would end in an OutOfMemoryError. This pass inflates each part once, keeping nothing, and refuses
 * with one sentence naming the limit. The zip-bomb ratio is POI's own, so both refuse the same files.
 */
record XlsxLimits(long maxFileBytes, long maxSharedStringsBytes, long maxSharedStrings, int maxTextBytes,
        double minInflateRatio, long graceEntrySize, long maxEntrySize) {
    static final long MAX_FILE_BYTES = 100L << 20;
    /** Decompressed size of the shared strings part, all of which the reader keeps in memory. */
    static final long MAX_SHARED_STRINGS_BYTES = 64L << 20;
    static final long MAX_SHARED_STRINGS = 2_000_000;
    /**
     * Longest run of XML between two tags. Excel holds at most 32,767 characters in a cell; a megabyte leaves
     * room for four-byte characters and escapes.
     */
    static final int MAX_TEXT_BYTES = 1 << 20;
    static final int MAX_ROWS = 1_048_576; // Excel's own limits
    static final int MAX_CELLS_PER_ROW = 16_384;

    private static final String PROCEED = "; split the export or convert it to CSV";

    /**
     * Piste's limits with POI's zip-bomb settings as they stand now, read at each check as POI reads them. Tests
     * build smaller limits to reach each boundary.
     */
    static XlsxLimits defaults() {
        return new XlsxLimits(MAX_FILE_BYTES, MAX_SHARED_STRINGS_BYTES, MAX_SHARED_STRINGS, MAX_TEXT_BYTES,
                ZipSecureFile.getMinInflateRatio(), ZipSecureFile.getGraceEntrySize(), ZipSecureFile.getMaxEntrySize());
    }

    /** The sentence for a workbook over a limit: what, the limit, how to proceed. */
    static ImportException exceeded(String what) {
        return new ImportException("the workbook " + what + PROCEED);
    }

    /** POI's own refusal, in the same words. */
    static ImportException zipBomb() {
        return zipBomb(ZipSecureFile.getMinInflateRatio());
    }

    private static ImportException zipBomb(double minInflateRatio) {
        return exceeded("inflates more than " + Math.round(1 / minInflateRatio) + " times its compressed size (a zip bomb?)");
    }

    void check(Path file) throws IOException {
        long size = Files.size(file);
        if (size > maxFileBytes) {
            throw exceeded("is " + (size >> 20) + " MB, over the limit of " + (maxFileBytes >> 20) + " MB");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long sharedStrings = 0;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) continue;
                try (InputStream in = zip.getInputStream(entry)) {
                    sharedStrings += new Part(entry).scan(in);
                }
                if (sharedStrings > maxSharedStrings) {
                    throw exceeded("holds more than " + String.format("%,d", maxSharedStrings) + " shared strings");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new ImportException("not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }

    /** One zip entry, inflated once; counts its {@code <si>} items (shared strings). */
    private final class Part {
        private final ZipEntry entry;
        private final boolean xml;
        private long inflated;
        private long sinceTag;
        private final StringBuilder name = new StringBuilder();
        private boolean inName;
        private String root = "";
        private long items;

        Part(ZipEntry entry) {
            this.entry = entry;
            this.xml = entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels");
        }

        long scan(InputStream in) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                inflated += n;
                checkSize();
                if (xml) for (int i = 0; i < n; i++) xmlByte(buffer[i]);
            }
            return items;
        }

        private void checkSize() {
            long compressed = Math.max(1, entry.getCompressedSize());
            if (inflated > graceEntrySize && (double) compressed / inflated < minInflateRatio) {
                throw zipBomb(minInflateRatio);
            }
            if (inflated > maxEntrySize) {
                throw exceeded("part " + entry.getName() + " is over " + (maxEntrySize >> 20) + " MB once inflated");
            }
            if (root.equals("sst") && inflated > maxSharedStringsBytes) {
                throw exceeded("holds more than " + (maxSharedStringsBytes >> 20) + " MB of shared strings");
            }
        }

        private void xmlByte(byte b) {
            if (b == '<') {
                sinceTag = 0;
                inName = true;
                name.setLength(0);
                return;
            }
            if (++sinceTag > maxTextBytes) {
                throw exceeded("holds a text or tag over " + (maxTextBytes >> 20)
                        + " MB in " + entry.getName() + " (Excel holds at most 32,767 characters in a cell)");
            }
            if (!inName) return;
            if (name.isEmpty() && b == '!') {
                // Comments and CDATA can hold '<' and so escape the length check; spreadsheet programs write neither.
                throw new ImportException("the workbook's " + entry.getName()
                        + " holds a comment, CDATA or DOCTYPE, which spreadsheet programs do not write");
            }
            if (b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\n' || b == '\r' || name.length() > 64) {
                inName = false;
                endOfName();
            } else {
                name.append((char) b);
            }
        }

        private void endOfName() {
            String local = name.substring(name.indexOf(":") + 1);
            if (root.isEmpty() && !name.isEmpty() && name.charAt(0) != '?') root = local;
            if (local.equals("si")) items++;
        }
    }
}
