package io.apitune.load;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Optional;

/**
 * How many connections this process can still open: every connection is a file descriptor (two
 * when the reference server runs in the same process and holds the other end), and the process
 * may hold at most its file-descriptor limit ({@code ulimit -n}; the JVM raises the soft limit to
 * the hard one at start on Linux). A run asking for more would fail mid-run with "too many open
 * files", so the run model refuses it up front.
 *
 * <p>Stateless; thread-safe.
 */
public final class FileDescriptors {
    /**
     * Descriptors kept for what a run opens besides its connections: event loops (an epoll and an
     * event descriptor each), the in-process server's loops, a database pool, report files.
     */
    public static final long RESERVE = 128;

    private FileDescriptors() {
    }

    /** The process's descriptor limit and how many are open now, when the platform says. */
    public record Usage(long limit, long open) {
        /** Connections that still fit, each taking {@code perConnection} descriptors. */
        public long connectionsAvailable(int perConnection) {
            return Math.max(0, limit - open - RESERVE) / perConnection;
        }
    }

    /** The current usage, or empty where the JVM does not expose it (not a Unix). */
    public static Optional<Usage> usage() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long limit = unix.getMaxFileDescriptorCount();
            long open = unix.getOpenFileDescriptorCount();
            if (limit > 0 && open >= 0) {
                return Optional.of(new Usage(limit, open));
            }
        }
        return Optional.empty();
    }
}
