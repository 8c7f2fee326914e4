package org.piste.app.web.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.piste.app.refusals.Refused;
import org.piste.ingest.ImportException;
import org.piste.ingest.ProfileException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files, kept on disk only while they are imported: each in a directory of its own under
 * {@code piste.upload-dir} (default: java.io.tmpdir/piste-uploads), under its original name, since the stores
 * record the file name they are given.
 */
@Component
public class Uploads {
    private static final System.Logger LOG = System.getLogger(Uploads.class.getName());
    private final Path root;

    public Uploads(@Value("${piste.upload-dir:}") String dir) {
        this.root = dir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "piste-uploads") : Path.of(dir);
    }

    /** A stored upload; closing it deletes it. */
    public record Upload(Path file, String originalName) implements AutoCloseable {
        /** A message about the file that names it as the user knows it, never by its temporary path. */
        public String mentionedAsOriginal(String message) {
            return message.replace(file.toString(), originalName);
        }

        /**
         * One sentence for the user: the message of a problem with the file or the request as it is; anything
         * else (a database failure...) prefixed so it does not read as the file's fault.
         */
        public String explain(RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : mentionedAsOriginal(e.getMessage());
            message = message.lines().findFirst().orElse(message);
            return e instanceof ImportException || e instanceof ProfileException || e instanceof IllegalArgumentException
                    ? message : "the import failed: " + message;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            } catch (IOException e) {
                // Left in the temporary directory; the import's outcome does not depend on it.
                LOG.log(System.Logger.Level.WARNING, "cannot delete the uploaded file " + file + ": " + e.getMessage());
            }
        }
    }

    public Upload store(MultipartFile part) {
        if (part == null || part.isEmpty()) throw new Refused("import.noFile");
        String name = safeName(part.getOriginalFilename());
        try {
            Files.createDirectories(root);
            Path dir = Files.createTempDirectory(root, "upload-" + UUID.randomUUID().toString().substring(0, 8) + "-");
            Path file = dir.resolve(name);
            part.transferTo(file);
            return new Upload(file, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the uploaded file: " + e.getMessage(), e);
        }
    }

    /** The file name without any directory part (browsers may send one), never empty or a dot name. */
    static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\x00-\\x1f]", "").strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "upload" : name;
    }
}
