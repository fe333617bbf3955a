package io.apitune.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.apitune.metrics.LatencyStats;

/**
 * The rule that marks a run {@code limited}: the generator, not the target, set its numbers.
 * A run is limited when at least one of these holds over the measured window:
 *
 * <ol>
 *   <li><b>Send lag</b>: the send lag p99 is at least {@value #LAG_FLOOR_MILLIS} ms and at
 *       least {@value #LAG_SHARE_PERCENT} % of the reported latency p99 (OK requests; KO
 *       requests when none was OK). Latency is measured from the intended time, so it contains
 *       the lag: at a quarter, the generator's own delay is a visible part of the figure. The
 *       1 ms floor keeps microsecond jitter (a timer wake-up, about 50 µs) from condemning a run
 *       against a microsecond target; wrk2 itself paces with a 1 ms timer.</li>
 *   <li><b>Stalls</b>: an I/O thread was stalled at least {@value #STALL_SHARE_PERCENT} % of
 *       the window: the lane's heartbeat (a timer every 10 ms at most) ran 1 ms or more late,
 *       summed over the window (GC pauses, a thread starved of CPU by other processes, a long
 *       batch of work). Requests sent or answered during a stall carry the generator's delay, so
 *       once stalls cover 1 % of the time at least 1 % of the requests do, and p99 is no longer
 *       the target's. This is the rule that sees a generator starved of CPU: its own CPU time is
 *       then low, and late completions make its requests look like they waited for the target.
 *       </li>
 *   <li><b>Shortfall</b> (open model): requests intended in the window were never sent, unless
 *       the target is plainly the one that held them back: at least
 *       {@value #WAITED_SHARE_PERCENT} % of the sent requests found every connection busy at
 *       their intended time, while the busiest I/O thread was on a CPU less than
 *       {@value #SHORTFALL_BUSY_PERCENT} % of the window and was stalled less than
 *       {@value #STALL_SHARE_PERCENT} % of it. Requests that wait for the busy
 *       connections of a slow target wait for the target (their latency, counted from the
 *       intended time, shows it) while the generator idles; a shortfall while connections were
 *       free, or while the generator was busy or starved of CPU (then even a free connection
 *       is noticed late), is the generator's.</li>
 *   <li><b>CPU</b>: the busiest I/O thread was on a CPU at least
 *       {@value #IO_THREAD_SATURATED_PERCENT} % of the window. A saturated I/O thread sends and
 *       reads as fast as it can, so throughput and latency are its own. The process CPU is not
 *       used: it includes an in-process target ({@code --mode}).</li>
 * </ol>
 *
 * <p>Stateless; thread-safe.
 */
public final class HealthVerdict {
    /** Send lag p99 below this never limits a run. */
    public static final long LAG_FLOOR_MILLIS = 1;
    /** Send lag p99 at or above this share of latency p99 limits a run. */
    public static final int LAG_SHARE_PERCENT = 25;
    /** Shortfall counts when fewer than this share of sent requests waited for a connection. */
    public static final int WAITED_SHARE_PERCENT = 50;
    /** The busiest I/O thread's CPU share from which a shortfall is the generator's. */
    public static final int SHORTFALL_BUSY_PERCENT = 50;
    /** Share of the window an I/O thread may be stalled before it sets p99. */
    public static final int STALL_SHARE_PERCENT = 1;
    /** The busiest I/O thread's CPU share at or above which the generator is saturated. */
    public static final int IO_THREAD_SATURATED_PERCENT = 90;

    /** Everything the rule looks at. */
    record Inputs(LatencyStats sendLag, LatencyStats okLatency, LatencyStats failureLatency,
            long sent, long waitedForConnection, long notSent, double ioThreadUtilisation,
            long stalledNanos,
            double cpuUtilisation, int cores, Double targetRate, double windowSeconds) {
    }

    /** The verdict: limited, why, and what to do. */
    record Verdict(boolean limited, String reason, String advice) {
    }

    private HealthVerdict() {
    }

    static Verdict judge(Inputs in) {
        List<String> causes = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        boolean stalled = stalledShare(in) * 100 >= STALL_SHARE_PERCENT;
        boolean saturated = in.ioThreadUtilisation() * 100 >= IO_THREAD_SATURATED_PERCENT;
        if (lagging(in)) {
            causes.add(String.format(Locale.ROOT,
                    "its send lag p99 was %.3f ms against a latency p99 of %.3f ms",
                    in.sendLag().p99Nanos() / 1e6, reported(in).p99Nanos() / 1e6));
            advice.add("a lower --rate or fewer --connections");
        }
        if (stalled) {
            causes.add(String.format(Locale.ROOT, "its I/O thread was stalled %.1f %% of the time "
                    + "(%.0f ms of %.1f s: GC pauses or too little CPU)", stalledShare(in) * 100,
                    in.stalledNanos() / 1e6, in.windowSeconds()));
            advice.add("more cores (it had " + in.cores() + ")");
        }
        if (in.notSent() > 0 && !saturated && !targetBound(in, stalled)) {
            causes.add(shortfall(in));
            advice.add("a lower --rate");
        }
        if (saturated) {
            causes.add(String.format(Locale.ROOT,
                    "its busiest I/O thread was %.0f %% busy (process CPU %.2f of %d %s)%s",
                    in.ioThreadUtilisation() * 100, in.cpuUtilisation(), in.cores(),
                    in.cores() == 1 ? "core" : "cores",
                    in.notSent() > 0 ? "; " + shortfall(in) : ""));
            advice.add("more cores (it had " + in.cores() + ")");
        }
        if (causes.isEmpty()) {
            return new Verdict(false, "", "");
        }
        advice.add("split the load over shards");
        return new Verdict(true, String.join("; ", causes), "use " + joinOr(dedupe(advice)));
    }

    /** The latency the run reports: OK requests, or KO ones when none was OK. */
    private static LatencyStats reported(Inputs in) {
        return in.okLatency().count() > 0 ? in.okLatency() : in.failureLatency();
    }

    private static boolean lagging(Inputs in) {
        long lagP99 = in.sendLag().p99Nanos();
        return lagP99 >= LAG_FLOOR_MILLIS * 1_000_000L
                && lagP99 * 100 >= reported(in).p99Nanos() * LAG_SHARE_PERCENT;
    }

    private static double stalledShare(Inputs in) {
        return in.windowSeconds() > 0 ? in.stalledNanos() / 1e9 / in.windowSeconds() : 0;
    }

    /** A shortfall plainly the target's: connections busy, generator idle and responsive. */
    private static boolean targetBound(Inputs in, boolean stalled) {
        return in.waitedForConnection() * 100 >= in.sent() * WAITED_SHARE_PERCENT
                && in.ioThreadUtilisation() * 100 < SHORTFALL_BUSY_PERCENT
                && !stalled;
    }

    private static String shortfall(Inputs in) {
        double sentRate = in.windowSeconds() > 0 ? in.sent() / in.windowSeconds() : 0;
        String asked = in.targetRate() == null ? "" : String.format(Locale.ROOT, " of the %,.0f/s asked",
                in.targetRate());
        return String.format(Locale.ROOT, "it sent %,.0f/s%s (%,d intended requests not sent)",
                sentRate, asked, in.notSent());
    }

    private static List<String> dedupe(List<String> items) {
        return items.stream().distinct().toList();
    }

    private static String joinOr(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or "
                + items.get(items.size() - 1);
    }
}
