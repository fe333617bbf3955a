package io.apitune.gate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed gate: {@code left OP bound}, e.g. {@code p99 < 25ms},
 * {@code async.throughput >= 3 * blocking.throughput}, {@code p99 <= baseline * 1.10}. Built by
 * {@link GateParser}; metric names are checked only when evaluated against a
 * {@link MetricResolver}.
 *
 * <p>Immutable; thread-safe.
 *
 * @param text   the gate as the user wrote it (trimmed)
 * @param origin where it was written, to prefix messages ({@code file:line:col: gates[2]}), or null
 * @param window for a gate that aborts a failing run ({@code abort-on-fail}): the sliding window
 *               it is judged on while the run goes on, whole seconds; null for a gate judged on
 *               the whole run at its end
 */
public record Gate(String text, Reference left, Operator operator, Bound bound, String origin,
        Duration window) {
    /** The longest window: a window is kept as one histogram per second. */
    public static final Duration MAX_WINDOW = Duration.ofMinutes(10);

    public Gate {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(bound, "bound");
    }

    /** The same gate, remembered as written at {@code where}. */
    public Gate withOrigin(String where) {
        return new Gate(text, left, operator, bound, where, window);
    }

    /**
     * The same gate judged every second on the last {@code window} while the run goes on; its
     * first failure stops the run. It compares what the window measured, so its limit is a
     * number or another metric of the same run (checked against the runs by {@link GateCheck}).
     *
     * @throws io.apitune.ApituneException (exit 2) for a baseline gate or a window that is not
     *         a whole number of seconds in 1 s .. {@link #MAX_WINDOW}
     */
    public Gate aborting(Duration slidingWindow) {
        if (bound instanceof Baseline) {
            throw GateParser.error(text, "abort-on-fail compares what its window measured: with a "
                    + "number or a metric of the same run, not the baseline");
        }
        if (slidingWindow.compareTo(Duration.ofSeconds(1)) < 0 || slidingWindow.toNanos() % 1_000_000_000L != 0
                || slidingWindow.compareTo(MAX_WINDOW) > 0) {
            throw GateParser.error(text, "window " + io.apitune.Durations.format(slidingWindow)
                    + " must be a whole number of seconds from 1s to 10m");
        }
        return new Gate(text, left, operator, bound, origin, slidingWindow);
    }

    /** True for a gate that aborts a failing run ({@link #window()} is set). */
    public boolean aborts() {
        return window != null;
    }

    /** True when either side names {@code run} explicitly ({@code run.metric}). */
    public boolean refersTo(String run) {
        if (left.runName().filter(run::equals).isPresent()) {
            return true;
        }
        return bound instanceof Relative r && r.reference().runName().filter(run::equals).isPresent();
    }

    /** The right-hand side of a gate. */
    public sealed interface Bound permits Literal, Relative, Baseline {
    }

    /**
     * A number with an optional unit.
     *
     * @param value in the unit's native scale: milliseconds for durations, a fraction for
     *              percentages, per second for {@code /s}, as written when bare
     */
    public record Literal(double value, LiteralUnit unit) implements Bound {
    }

    /** {@code factor * reference}: another metric, usually of another run measured side by side. */
    public record Relative(double factor, Reference reference) implements Bound {
    }

    /** {@code baseline * factor}: the same metric in the {@code --baseline} report. */
    public record Baseline(double factor) implements Bound {
    }

    /** The unit a literal was written with. */
    public enum LiteralUnit { DURATION, PERCENT, PER_SECOND, BARE }

    /**
     * A metric reference as written: {@code p99}, {@code async.p99.9}, {@code service.p99},
     * {@code CacheBench.hit}. Whether the first segment is a run is decided by the resolver.
     */
    public record Reference(String path) {
        public Reference {
            Objects.requireNonNull(path, "path");
        }

        /**
         * The path split into run and metric at the first dot that is not inside a number
         * ({@code p99.9} is one segment), or empty when there is no such dot.
         */
        public Optional<String[]> qualified() {
            List<String> segments = segments();
            if (segments.size() < 2) {
                return Optional.empty();
            }
            String first = segments.get(0);
            return Optional.of(new String[] {first, path.substring(first.length() + 1)});
        }

        /** The first segment when the path is qualified, which may name a run. */
        public Optional<String> runName() {
            return qualified().map(parts -> parts[0]);
        }

        private List<String> segments() {
            List<String> out = new ArrayList<>();
            for (String part : path.split("\\.")) {
                boolean numeric = !part.isEmpty() && Character.isDigit(part.charAt(0));
                if (numeric && !out.isEmpty()) {
                    out.set(out.size() - 1, out.get(out.size() - 1) + "." + part);
                } else {
                    out.add(part);
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return path;
        }
    }
}
