package org.piste.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens the right reader for a file and its profile, refusing mismatches before any row is read. */
public final class RowSources {
    private RowSources() {}

    public static RowSource open(Path file, MappingProfile profile) {
        if (!Files.exists(file)) throw new ImportException("no such file: " + file);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) throw new ImportException("not a readable file: " + file);
        try {
            boolean zip = startsWithZipMagic(file);
            if (profile.format() == MappingProfile.Format.CSV && zip) {
                throw new ImportException(file + " is a zip archive (an XLSX workbook?) but profile " + profile.name()
                        + " reads CSV: use a profile with format: xlsx");
            }
            if (profile.format() == MappingProfile.Format.XLSX && !zip) {
                throw new ImportException(file + " is not an XLSX workbook but profile " + profile.name() + " expects one");
            }
            if (profile.format() == MappingProfile.Format.XLSX) XlsxLimits.defaults().check(file);
            InputStream in = Files.newInputStream(file);
            try {
                return profile.format() == MappingProfile.Format.CSV
                        ? new CsvRowSource(in, profile) : new XlsxRowSource(in, profile);
            } catch (RuntimeException | IOException e) {
                in.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new ImportException("no such file: " + file, e);
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWithZipMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }
}
