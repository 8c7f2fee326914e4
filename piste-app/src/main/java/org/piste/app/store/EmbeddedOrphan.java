package org.piste.app.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded server left running by a Piste that was killed. zonky holds {@code epg-lock} in the data directory
 * (FileChannel.tryLock) for as long as the JVM that started the server runs it, but pg_ctl detaches the postmaster:
 * after a kill -9 of that JVM the server runs on, nobody holds the lock, and the next start would wait a minute
 * for a server that cannot start beside it. Before starting, a live postmaster in the data directory is therefore
 * either another Piste's (the lock is held: refused at once, sharing one server between two Pistes, each of which
 * stops it on exit, would be neither simple nor safe) or an orphan (stopped with a fast shutdown, then started
 * afresh as usual).
 */
final class EmbeddedOrphan {
    private EmbeddedOrphan() {}

    /** Stops an orphaned server in {@code data}, returning its pid; refuses if another Piste runs it. */
    static Optional<Long> stopIfOrphaned(Path data, Path home) throws IOException {
        Optional<ProcessHandle> postmaster = livePostmaster(data);
        if (postmaster.isEmpty()) return Optional.empty();
        long pid = postmaster.get().pid();
        if (holder(data) != Holder.NOBODY) { // in this JVM too: another Database on the same directory runs it
            throw new IllegalStateException("another Piste is using " + home + " (its PostgreSQL runs as pid " + pid
                    + "); stop it, or use another --home");
        }
        stop(postmaster.get(), data);
        return Optional.of(pid);
    }

    /**
     * After a start that failed once the server was launched (it did not answer in time, or refused the password): stops
     * the server in {@code data} unless another process holds the lock (its server, not this JVM's).
     */
    static void stopOwnOrOrphaned(Path data) throws IOException {
        Optional<ProcessHandle> postmaster = livePostmaster(data);
        if (postmaster.isPresent() && holder(data) != Holder.ANOTHER_PROCESS) stop(postmaster.get(), data);
    }

    private enum Holder { NOBODY, THIS_JVM, ANOTHER_PROCESS }

    private static Holder holder(Path data) throws IOException {
        try (FileChannel channel = FileChannel.open(data.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return Holder.ANOTHER_PROCESS;
            lock.release();
            return Holder.NOBODY;
        } catch (OverlappingFileLockException e) {
            return Holder.THIS_JVM;
        }
    }

    private static void stop(ProcessHandle postmaster, Path data) throws IOException {
        long pid = postmaster.pid();
        // SIGINT is PostgreSQL's fast shutdown: sessions are ended, the data is written, postmaster.pid removed.
        run("kill", "-INT", Long.toString(pid));
        try {
            postmaster.onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the PostgreSQL (pid " + pid + ") left running in " + data, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the PostgreSQL (pid " + pid + ") left running in " + data + " did not stop", e);
        }
    }

    /** The postmaster that postmaster.pid names, if it runs, is a postgres, and serves this data directory. */
    private static Optional<ProcessHandle> livePostmaster(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return Optional.empty();
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) return Optional.empty();
        if (!sameDirectory(Path.of(lines.get(1).strip()), data)) return Optional.empty();
        // A pid from a crash may since belong to another program: only a postgres is ours to stop.
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes()).strip();
            if (process.waitFor() != 0) throw new IOException(String.join(" ", command) + " failed: " + output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }
}
