package io.apitune.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.apitune.Notices;

/**
 * apitune's record of the embedded PostgreSQL servers it started, so that one left running by
 * a process that died (SIGKILL, a crash, a power-cut JVM) is found and stopped by the next
 * apitune that starts one. Each server lives in its own directory
 * {@code <state dir>/postgres/<id>/}: the data directory {@code data/} and {@code owner.properties}
 * (the owner's PID and start time, written before PostgreSQL starts).
 *
 * <p>The state directory is {@code ${java.io.tmpdir}/apitune-<user>} (so it goes away with the
 * temporary files, like the servers' data), or the system property {@code apitune.stateDir}.
 * An instance is left over when its owner process is no longer alive (same PID and same start
 * time); its postmaster is stopped (SIGTERM, then SIGKILL after {@value #STOP_WAIT_SECONDS} s)
 * only if its command line names that data directory.
 *
 * <p>Thread-safe: claims and sweeps are serialised within the JVM and, through a file lock,
 * across processes.
 */
public final class EmbeddedInstances {
    /** System property that moves the state directory (tests use it to stay apart). */
    public static final String STATE_DIR_PROPERTY = "apitune.stateDir";
    static final long STOP_WAIT_SECONDS = 10;
    private static final String OWNER_FILE = "owner.properties";
    private static final Object JVM_LOCK = new Object();

    private EmbeddedInstances() {
    }

    /** One embedded server's directory, owned by this process. */
    public record Instance(Path dir) {
        /** Where PostgreSQL keeps its data. */
        public Path dataDir() {
            return dir.resolve("data");
        }

        /** Deletes the directory (after PostgreSQL has stopped). */
        public void release() {
            deleteTree(dir);
        }
    }

    /** {@code ${apitune.stateDir}}, or {@code ${java.io.tmpdir}/apitune-<user>}. */
    public static Path stateDir() {
        String override = System.getProperty(STATE_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "apitune-" + user);
    }

    static Path root() {
        return stateDir().resolve("postgres");
    }

    /**
     * Stops the servers left by dead owners (one line each on {@code notices}), then records a
     * new instance owned by this process.
     */
    public static Instance claim(Notices notices) {
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(root());
                try (FileChannel channel = FileChannel.open(root().resolve(".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    sweep(notices);
                    Path dir = root().resolve(UUID.randomUUID().toString());
                    Files.createDirectories(dir);
                    writeOwner(dir.resolve(OWNER_FILE));
                    return new Instance(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write apitune's state directory "
                        + root() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void sweep(Notices notices) throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root(), Files::isDirectory)) {
            for (Path dir : dirs) {
                Properties owner = readOwner(dir.resolve(OWNER_FILE));
                if (owner == null || isAlive(owner)) {
                    continue;
                }
                stopLeftover(dir, owner.getProperty("pid", "?"), notices);
                deleteTree(dir);
            }
        }
    }

    private static void stopLeftover(Path dir, String ownerPid, Notices notices) {
        Path data = dir.resolve("data");
        OptionalLong postmasterPid = postmasterPid(data);
        if (postmasterPid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(postmasterPid.getAsLong())
                .filter(p -> p.info().commandLine().map(c -> c.contains(data.toString()))
                        .orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        boolean stopped = stop(postmaster.get());
        notices.line((stopped ? "stopped" : "warning: could not stop")
                + " the embedded PostgreSQL (pid " + postmasterPid.getAsLong() + ") left running"
                + " by apitune process " + ownerPid + ", which is gone");
    }

    /** SIGTERM, then SIGKILL; true when the process has gone. */
    static boolean stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            process.destroyForcibly();
            try {
                process.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                return true;
            } catch (Exception stillThere) {
                return !process.isAlive();
            }
        }
    }

    /** The postmaster's PID from {@code postmaster.pid}, empty when the server is not running. */
    public static OptionalLong postmasterPid(Path dataDir) {
        try (Stream<String> lines = Files.lines(dataDir.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::trim).filter(s -> s.matches("\\d+"))
                    .map(s -> OptionalLong.of(Long.parseLong(s))).orElse(OptionalLong.empty());
        } catch (IOException | UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    private static void writeOwner(Path file) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Properties owner = new Properties();
        owner.setProperty("pid", Long.toString(self.pid()));
        self.info().startInstant().ifPresent(t -> owner.setProperty("started", t.toString()));
        try (var out = Files.newOutputStream(file)) {
            owner.store(out, "apitune: the process that owns this embedded PostgreSQL");
        }
    }

    private static Properties readOwner(Path file) {
        Properties owner = new Properties();
        try (var in = Files.newInputStream(file)) {
            owner.load(in);
            return owner.getProperty("pid", "").matches("\\d+") ? owner : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Same PID and, where the OS tells, the same start time: a reused PID is not the owner. */
    private static boolean isAlive(Properties owner) {
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(owner.getProperty("pid")))
                .filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        String started = owner.getProperty("started");
        Optional<Instant> actual = process.get().info().startInstant();
        return started == null || actual.isEmpty() || actual.get().toString().equals(started);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover directory is swept again by the next claim.
        }
    }
}
