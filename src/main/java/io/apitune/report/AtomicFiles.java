package io.apitune.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import io.apitune.ApituneException;
import io.apitune.Problems;

/**
 * The one way apitune writes output: to a temporary sibling, then a rename, so a reader (or a
 * crash) sees the old file or the whole new one, never half of one. Where the file system cannot
 * rename atomically it falls back to a plain rename. Used for reports, interval logs, HTML pages,
 * JUnit XML and JMH results.
 *
 * <p>Stateless; thread-safe for distinct targets.
 */
public final class AtomicFiles {
    /** Writes the contents of a directory being built. */
    @FunctionalInterface
    public interface DirectoryFiller {
        void fill(Path tempDir) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Checks, writing nothing, that {@link #write} could create or replace {@code target}: it is
     * not a directory, and its nearest existing ancestor is a directory this process may write.
     * Call before the work whose result goes there.
     *
     * @param what names the file in the message, e.g. {@code --junit}
     * @throws ApituneException exit 2 naming {@code what} when it cannot be written
     */
    public static void checkWritable(Path target, String what) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw ApituneException.invalidInput(what + ": " + target + " is a directory, not a file");
        }
        Path existing = abs.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw ApituneException.invalidInput(what + ": " + target + " cannot be written ("
                    + existing + " is not a directory)");
        }
        if (!Files.isWritable(existing) || Files.exists(abs) && !Files.isWritable(abs)) {
            throw ApituneException.invalidInput(what + ": " + target + " cannot be written (permission denied)");
        }
    }

    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code target}, replacing it.
     *
     * @throws ApituneException exit 3 when the file cannot be written
     */
    public static void write(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid()
                    + "-" + Thread.currentThread().getId());
            Files.write(tmp, bytes);
            move(tmp, target.toAbsolutePath());
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw ApituneException.targetFailure("cannot write " + target + " ("
                    + Problems.describe(e) + ")", e);
        }
    }

    /**
     * Builds a whole directory: {@code filler} writes into a hidden temporary sibling, which is
     * then renamed to {@code target}. {@code target} must not exist or be an empty directory.
     *
     * @throws ApituneException exit 3 when the directory cannot be written
     */
    public static Path writeDirectory(Path target, DirectoryFiller filler) {
        Path abs = target.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".tmp-");
            filler.fill(tmp);
            Files.deleteIfExists(abs);
            move(tmp, abs);
            return abs;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw ApituneException.targetFailure("cannot write " + target + " ("
                    + Problems.describe(e) + ")", e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /**
     * Puts a finished file written by someone else (JMH's result) in place under its final name.
     *
     * @throws IOException when {@code from} is missing or cannot be moved
     */
    public static void moveIntoPlace(Path from, Path to) throws IOException {
        move(from, to);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: the write already failed, and that is what the user hears about.
        }
    }
}
