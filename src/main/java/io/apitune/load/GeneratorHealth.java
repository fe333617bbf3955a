package io.apitune.load;

import java.util.Set;

import org.HdrHistogram.Histogram;

/**
 * How the load generator itself fared during the measured window, and the verdict on whether
 * it, rather than the target, set the run's numbers ({@link HealthVerdict} states the rule).
 *
 * <p>Immutable after construction by {@link LoadGenerator}; safe to read from any thread (the
 * histogram must not be modified).
 *
 * @param sendLag            send lag of every measured request, nanoseconds: actual send time
 *                           minus the earliest moment it could have been sent (its intended
 *                           time, or when a connection slot became free for it, the later)
 * @param gcCount            stop-the-world GC pauses in the measured window
 * @param gcPauseMillis      their total time, milliseconds
 * @param cpuUtilisation     the process's CPU time over the window's wall time, 0..cores (it
 *                           includes an in-process target server); -1 when unknown
 * @param ioThreadUtilisation CPU share of the busiest I/O thread, 0..1; -1 when unknown
 * @param cores              processors available to the JVM
 * @param ioThreads          I/O threads (lanes) the generator used
 * @param maxLoopDelayMillis the longest an I/O thread left a timer task waiting while
 *                           measuring, milliseconds (a GC pause, a starved or overloaded thread)
 * @param stalledMillis      how long the most stalled I/O thread was stalled while measuring,
 *                           milliseconds: the summed lateness of its heartbeats that were late
 *                           by at least {@link HealthVerdict}'s stall threshold
 * @param warmupSeconds      how long warm-up really lasted (it ends early once the generator
 *                           keeps its schedule)
 * @param warmupDropped      warm-up requests not yet sent when measurement started, dropped
 * @param sent               measured requests sent
 * @param waitedForConnection measured requests that found every connection busy at their
 *                           intended time (open model)
 * @param notSent            measured requests intended (open model) but never sent before
 *                           the run's end
 * @param causes             why the run is limited ({@link HealthVerdict}'s rules); empty when
 *                           it is not
 * @param reason             why, in words; empty when not limited
 * @param advice             what to do about it; empty when not limited
 */
public record GeneratorHealth(Histogram sendLag, long gcCount, long gcPauseMillis,
        double cpuUtilisation, double ioThreadUtilisation, int cores, int ioThreads,
        double maxLoopDelayMillis, double stalledMillis,
        double warmupSeconds, long warmupDropped, long sent, long waitedForConnection,
        long notSent, Set<LimitCause> causes, String reason, String advice) {

    public GeneratorHealth {
        causes = Set.copyOf(causes);
    }

    /** True when the generator, not the target, set the numbers: some {@link #causes()}. */
    public boolean limited() {
        return !causes.isEmpty();
    }
}
