package io.apitune.load;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.apitune.metrics.TailStats;

/**
 * The rule that marks a run {@code limited}: the generator, not the target, set its numbers.
 * A run is limited when at least one of these holds over the measured window (each names a
 * {@link LimitCause}):
 *
 * <ol>
 *   <li><b>Send lag</b>: the send lag p99 is at least {@value #LAG_FLOOR_MILLIS} ms and at
 *       least {@value #LAG_SHARE_PERCENT} % of the reported latency p99 (OK requests; KO
 *       requests when none was OK). Latency is measured from the intended time, so it contains
 *       the lag: at a quarter, the generator's own delay is a visible part of the figure. The
 *       1 ms floor keeps microsecond jitter (a timer wake-up, about 50 µs) from condemning a run
 *       against a microsecond target; wrk2 itself paces with a 1 ms timer.</li>
 *   <li><b>Stalls</b>: an I/O thread was stalled at least {@value #STALL_SHARE_PERCENT} % of
 *       the window, counting the stalls that matter: the lane's heartbeat (a timer every 10 ms
 *       at most) ran late by at least {@value #LAG_FLOOR_MILLIS} ms and at least
 *       {@value #LAG_SHARE_PERCENT} % of the OK service time p99 (KO latency p99 when nothing was
 *       OK), and those latenesses are summed. A stall (a GC pause, a thread starved of CPU by
 *       other processes, a long batch of work) delays sends and the reading of answers alike;
 *       once stalls of that size cover 1 % of the time, at least 1 % of the requests carry them
 *       and p99 is no longer the target's. The yardstick is service time, not latency: a
 *       stalled generator builds a backlog whose wait inflates latency (from the intended time)
 *       and would hide the stalls that caused it. This is the rule that sees a generator starved
 *       of CPU: its own CPU time is then low, and its late completions make its requests look
 *       like they waited for the target.</li>
 *   <li><b>Shortfall</b> (open model): requests intended in the window were never sent by the
 *       run's end (its duration plus its timeout), so the rate asked for was not offered and
 *       the figures are not those of that rate. The cause is {@link LimitCause#CONNECTIONS}
 *       when the target plainly held them back: at least {@value #WAITED_SHARE_PERCENT} % of
 *       the sent requests found every connection busy at their intended time, while the
 *       busiest I/O thread was on a CPU less than {@value #SHORTFALL_BUSY_PERCENT} % of the
 *       window and was not stalled (rule 2); more connections, or a lower rate, is the answer.
 *       Otherwise it is {@link LimitCause#SHORTFALL}: connections were free, or the generator
 *       was busy or starved of CPU (then even a freed connection is noticed late).</li>
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
    /** A shortfall is the connections' when at least this share of sent requests waited. */
    public static final int WAITED_SHARE_PERCENT = 50;
    /** The busiest I/O thread's CPU share from which a shortfall is the generator's anyway. */
    public static final int SHORTFALL_BUSY_PERCENT = 50;
    /** Share of the window an I/O thread may be stalled before it sets p99. */
    public static final int STALL_SHARE_PERCENT = 1;
    /** The busiest I/O thread's CPU share at or above which the generator is saturated. */
    public static final int IO_THREAD_SATURATED_PERCENT = 90;

    /** Everything the rule looks at. */
    record Inputs(TailStats sendLag, TailStats okLatency, TailStats failureLatency,
            long sent, long waitedForConnection, long notSent, double ioThreadUtilisation,
            long stalledNanos,
            double cpuUtilisation, int cores, Double targetRate, double windowSeconds) {
    }

    /** The verdict: limited (some cause), why in words, and what to do. */
    record Verdict(Set<LimitCause> causes, String reason, String advice) {
        boolean limited() {
            return !causes.isEmpty();
        }
    }

    private HealthVerdict() {
    }

    static Verdict judge(Inputs in) {
        Set<LimitCause> causes = EnumSet.noneOf(LimitCause.class);
        List<String> reasons = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        boolean stalled = stalledShare(in) * 100 >= STALL_SHARE_PERCENT;
        boolean saturated = in.ioThreadUtilisation() * 100 >= IO_THREAD_SATURATED_PERCENT;
        if (lagging(in)) {
            causes.add(LimitCause.SEND_LAG);
            reasons.add(String.format(Locale.ROOT,
                    "its send lag p99 was %.3f ms against a latency p99 of %.3f ms",
                    in.sendLag().p99Nanos() / 1e6, reported(in).p99Nanos() / 1e6));
            advice.add("a lower --rate or fewer --connections");
        }
        if (stalled) {
            causes.add(LimitCause.STALLS);
            reasons.add(String.format(Locale.ROOT, "its I/O thread was stalled %.1f %% of the time "
                    + "(%.0f ms of %.1f s in stalls: GC pauses or too little CPU)",
                    stalledShare(in) * 100, in.stalledNanos() / 1e6, in.windowSeconds()));
            advice.add("more cores (it had " + in.cores() + ")");
        }
        if (saturated) {
            causes.add(LimitCause.CPU);
            reasons.add(String.format(Locale.ROOT,
                    "its busiest I/O thread was %.0f %% busy (process CPU %.2f of %d %s)",
                    in.ioThreadUtilisation() * 100, in.cpuUtilisation(), in.cores(),
                    in.cores() == 1 ? "core" : "cores"));
            advice.add("more cores (it had " + in.cores() + ")");
        }
        if (in.notSent() > 0) {
            shortfall(in, stalled || saturated, causes, reasons, advice);
        }
        if (causes.isEmpty()) {
            return new Verdict(Set.of(), "", "");
        }
        advice.add("split the load over shards");
        return new Verdict(Set.copyOf(causes), String.join("; ", reasons),
                "use " + joinOr(advice.stream().distinct().toList()));
    }

    private static void shortfall(Inputs in, boolean generatorTroubled, Set<LimitCause> causes,
            List<String> reasons, List<String> advice) {
        double sentRate = in.windowSeconds() > 0 ? in.sent() / in.windowSeconds() : 0;
        String asked = in.targetRate() == null ? ""
                : String.format(Locale.ROOT, " of the %,.0f/s asked", in.targetRate());
        String text = String.format(Locale.ROOT, "it sent %,.0f/s%s (%,d intended requests not sent)",
                sentRate, asked, in.notSent());
        boolean connectionsBusy = in.waitedForConnection() * 100 >= in.sent() * WAITED_SHARE_PERCENT;
        if (connectionsBusy && !generatorTroubled
                && in.ioThreadUtilisation() * 100 < SHORTFALL_BUSY_PERCENT) {
            causes.add(LimitCause.CONNECTIONS);
            reasons.add(text + ": every connection was busy, the target answered too slowly for "
                    + "this rate on these connections");
            advice.add("more --connections or a lower --rate");
        } else {
            causes.add(LimitCause.SHORTFALL);
            reasons.add(text);
            advice.add("a lower --rate");
        }
    }

    /** The latency the run reports: OK requests, or KO ones when none was OK. */
    private static TailStats reported(Inputs in) {
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

    /**
     * How late a heartbeat must be to count as a stall: at least {@value #LAG_FLOOR_MILLIS} ms
     * and {@value #LAG_SHARE_PERCENT} % of {@code yardstick} p99 (OK service time, or KO latency
     * when nothing was OK).
     */
    static long stallThresholdNanos(TailStats yardstick) {
        return Math.max(LAG_FLOOR_MILLIS * 1_000_000L, yardstick.p99Nanos() * LAG_SHARE_PERCENT / 100);
    }

    private static String joinOr(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or "
                + items.get(items.size() - 1);
    }
}
