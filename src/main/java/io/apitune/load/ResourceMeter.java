package io.apitune.load;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * What the generator's process used between two moments: process CPU time, the CPU time of each
 * lane's I/O thread, and GC pauses, read from the JVM's management beans (a few microseconds per
 * reading, taken twice per run; JFR streaming would add a recording thread for no better
 * figure). GC beans whose names say they time concurrent work ({@code Cycles},
 * {@code Concurrent}: ZGC, Shenandoah, G1's concurrent cycle on JDK 21+) are left out, so the
 * figure is stop-the-world pause time.
 *
 * <p>Stateless; thread-safe. {@link Reading}s are immutable.
 */
final class ResourceMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ResourceMeter() {
    }

    /** One reading; CPU figures are -1 where the JVM cannot tell. */
    record Reading(long wallNanos, long processCpuNanos, long[] laneCpuNanos, long gcCount,
            long gcMillis) {
    }

    /** What was used between two readings. */
    record Usage(double cpuUtilisation, double busiestLaneUtilisation, long gcCount,
            long gcPauseMillis) {
    }

    static Reading read(long[] laneThreadIds) {
        long wall = System.nanoTime();
        long[] lanes = new long[laneThreadIds.length];
        boolean threadCpu = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = threadCpu ? THREADS.getThreadCpuTime(laneThreadIds[i]) : -1;
        }
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            String name = gc.getName().toLowerCase(Locale.ROOT);
            if (name.contains("cycles") || name.contains("concurrent")) {
                continue;
            }
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new Reading(wall, processCpuNanos(), lanes, count, millis);
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    static Usage between(Reading start, Reading end) {
        double wall = Math.max(1, end.wallNanos() - start.wallNanos());
        double cpu = start.processCpuNanos() < 0 || end.processCpuNanos() < 0 ? -1
                : (end.processCpuNanos() - start.processCpuNanos()) / wall;
        double busiest = -1;
        for (int i = 0; i < start.laneCpuNanos().length; i++) {
            if (start.laneCpuNanos()[i] >= 0 && end.laneCpuNanos()[i] >= 0) {
                busiest = Math.max(busiest,
                        (end.laneCpuNanos()[i] - start.laneCpuNanos()[i]) / wall);
            }
        }
        return new Usage(cpu, busiest, end.gcCount() - start.gcCount(),
                end.gcMillis() - start.gcMillis());
    }
}
