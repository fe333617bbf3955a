package io.apitune.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.HdrHistogram.Histogram;

import io.apitune.ApituneException;
import io.apitune.gate.Gate;
import io.apitune.gate.GateEvaluator;
import io.apitune.gate.GateResult;
import io.apitune.gate.Measured;
import io.apitune.gate.MetricResolver;
import io.apitune.gate.Outcome;
import io.apitune.gate.ReportMetrics;
import io.apitune.load.ErrorCounts;
import io.apitune.load.IntervalHook;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.RequestResults;

/**
 * The {@code abort-on-fail} gates of one run, judged every interval on the last {@code window}
 * seconds while the run goes on: the first that fails names itself as the reason to stop. A gate
 * is judged once its window is full, so a start-up blip shorter than the window cannot stop a
 * run. Its limit may use the same window's other figures ({@code p99 < 2 * p50}).
 *
 * <p>Called on the generator's sampler thread only (see {@link IntervalHook}); not thread-safe.
 */
final class WindowGates implements IntervalHook {
    private final String run;
    private final List<Gate> gates;
    private final List<String> requests;
    private final Deque<IntervalHook.Interval> kept = new ArrayDeque<>();
    private final long longestSeconds;

    /**
     * @param gates    every gate of the plan; those that abort and apply to {@code run} are kept
     * @param requests the run's mix's request names, in order (empty for one request)
     */
    WindowGates(String run, List<Gate> gates, List<String> requests) {
        this.run = run;
        this.requests = requests;
        this.gates = gates.stream().filter(Gate::aborts).filter(this::applies).toList();
        this.longestSeconds = this.gates.stream().mapToLong(g -> g.window().toSeconds()).max().orElse(0);
    }

    /** True when some gate aborts this run on its window. */
    boolean any() {
        return !gates.isEmpty();
    }

    private boolean applies(Gate gate) {
        if (gate.left().runName().filter(name -> !name.equals(run) && !requests.contains(name)).isPresent()) {
            return false;
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        names.put(run, requests);
        ReportMetrics known = ReportMetrics.namesOnly(names);
        try {
            new GateEvaluator(known, known).evaluate(gate);
            return true;
        } catch (ApituneException notThisRun) {
            return false; // names a request of another run's mix
        }
    }

    @Override
    public String interval(IntervalHook.Interval interval) {
        kept.addLast(copy(interval));
        while (kept.size() > longestSeconds + 1
                || interval.elapsedSeconds() - kept.peekFirst().elapsedSeconds() >= longestSeconds + 0.5) {
            kept.removeFirst();
        }
        for (Gate gate : gates) {
            long seconds = gate.window().toSeconds();
            if (interval.elapsedSeconds() + 0.5 < seconds) {
                continue;
            }
            List<IntervalHook.Interval> window = kept.stream()
                    .filter(i -> interval.elapsedSeconds() - i.elapsedSeconds() < seconds - 0.5).toList();
            Window figures = new Window(window, requests.size());
            for (GateResult result : new GateEvaluator(figures, figures, true).evaluate(gate)) {
                if (result.outcome() == Outcome.FAIL) {
                    return gate.text();
                }
            }
        }
        return null;
    }

    /** The interval with histograms of its own: the sampler's are reused after the call. */
    private static IntervalHook.Interval copy(IntervalHook.Interval i) {
        List<IntervalHook.Part> parts = new ArrayList<>();
        i.requests().forEach(p -> parts.add(copy(p)));
        return new IntervalHook.Interval(i.elapsedSeconds(), i.intervalSeconds(), copy(i.total()),
                parts, null);
    }

    private static IntervalHook.Part copy(IntervalHook.Part p) {
        return new IntervalHook.Part(p.ok(), p.ko(), p.errors(), p.okLatency().copy(),
                p.okService().copy(), p.failureLatency().copy());
    }

    /** What the window measured, as the metrics of one run named {@link #run}. */
    private final class Window implements MetricResolver {
        private final RequestResults total;
        private final Map<String, RequestResults> byRequest = new LinkedHashMap<>();

        Window(List<IntervalHook.Interval> window, int requestCount) {
            double seconds = window.stream().mapToDouble(IntervalHook.Interval::intervalSeconds).sum();
            total = figures(window.stream().map(IntervalHook.Interval::total).toList(), seconds);
            for (int r = 0; r < requestCount; r++) {
                int index = r;
                byRequest.put(requests.get(r), figures(window.stream()
                        .map(i -> i.requests().get(index)).toList(), seconds));
            }
        }

        private static RequestResults figures(List<IntervalHook.Part> parts, double seconds) {
            long ok = 0;
            long ko = 0;
            ErrorCounts errors = ErrorCounts.NONE;
            Histogram latency = new Histogram(3);
            Histogram service = new Histogram(3);
            Histogram failures = new Histogram(3);
            for (IntervalHook.Part p : parts) {
                ok += p.ok();
                ko += p.ko();
                errors = errors.plus(p.errors());
                latency.add(p.okLatency());
                service.add(p.okService());
                failures.add(p.failureLatency());
            }
            long attempts = ok + ko;
            double perSecond = seconds > 0 ? 1.0 / seconds : 0.0;
            return new RequestResults(attempts, ok, ok * perSecond, attempts * perSecond,
                    ErrorTally.of(errors, true), attempts == 0 ? 0.0 : (double) ko / attempts,
                    LatencySummary.of(latency), LatencySummary.of(service), LatencySummary.of(failures),
                    null);
        }

        @Override
        public Set<String> runs() {
            return Set.of(run);
        }

        @Override
        public List<String> defaultRuns() {
            return List.of(run);
        }

        @Override
        public Optional<Measured> lookup(String name, String metric) {
            Optional<Measured> own = ReportMetrics.figure(total, metric);
            if (own.isPresent() || !name.equals(run)) {
                return own;
            }
            int dot = metric.indexOf('.');
            return dot < 0 || !byRequest.containsKey(metric.substring(0, dot)) ? Optional.empty()
                    : ReportMetrics.figure(byRequest.get(metric.substring(0, dot)), metric.substring(dot + 1));
        }

        @Override
        public String knownMetrics() {
            return "METRIC, REQUEST.METRIC";
        }
    }
}
