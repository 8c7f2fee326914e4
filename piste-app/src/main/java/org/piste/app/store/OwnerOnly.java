package org.piste.app.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories of PISTE_HOME that only Piste's OS account may read (the database password, the audit key,
 * the audit checkpoints): one place for their permissions.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = PosixFilePermissions.fromString("---rwxrwx");

    private OwnerOnly() {}

    /** The attribute that creates a file readable and writable by its owner only (no window with wider rights). */
    public static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    /** Whether accounts other than the file's owner may read, change or run it (group or others have a right). */
    public static boolean openToOthers(Path file) throws IOException {
        try {
            Set<PosixFilePermission> open = java.util.EnumSet.noneOf(PosixFilePermission.class);
            open.addAll(Files.getPosixFilePermissions(file));
            open.retainAll(OTHERS);
            return !open.isEmpty();
        } catch (UnsupportedOperationException e) {
            throw new IOException("cannot check who may read " + file + " on this file system", e);
        }
    }

    /**
     * Refuses a secret that others may read or change (e.g. restored from a backup with a wider mode): {@code what}
     * names it in the sentence, which says how to fix it.
     */
    public static void require(Path file, String what) throws IOException {
        if (openToOthers(file)) {
            throw new IOException(what + " " + file + " can be read or changed by other accounts: chmod 600 " + file);
        }
    }

    public static void restrictFile(Path file) throws IOException {
        Files.setPosixFilePermissions(file, FILE);
    }

    public static void restrictDirectory(Path directory) throws IOException {
        Files.setPosixFilePermissions(directory, DIRECTORY);
    }

    /** Writes {@code text} to {@code file}, owner-only, replacing it in one step (never half-written). */
    public static void replace(Path file, String text) throws IOException {
        Path temporary = written(file, text);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes {@code text} to {@code file}, owner-only, unless the file exists; returns whether it wrote. Two processes
     * creating the same file at once: one wins whole, the other reads what it wrote (a hard link does not replace).
     */
    public static boolean createNew(Path file, String text) throws IOException {
        Path temporary = written(file, text);
        try {
            Files.createLink(file, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.delete(temporary);
        }
    }

    private static Path written(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, fileAttribute());
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        return temporary;
    }
}
