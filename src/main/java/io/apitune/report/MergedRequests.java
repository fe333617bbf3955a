package io.apitune.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.apitune.load.ErrorKind;
import io.apitune.metrics.IntervalLog;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.RequestResults;
import io.apitune.report.model.RunReport;
import org.HdrHistogram.Histogram;

/**
 * The per-request results ({@code results.byRequest}) of merged logs of a request mix (the shards
 * of one run): each request's latency, service time and failure latency from its own tagged
 * histograms added exactly ({@link IntervalLog#requestTag}); its counts, errors by kind and
 * check failures summed from the report.json next to every source log, or, when a source has
 * none, from the merged histograms alone (KO kinds then unknown, counted as {@code other}).
 *
 * <p>Stateless; thread-safe.
 */
final class MergedRequests {
    private static final int KINDS = ErrorKind.values().length;

    private MergedRequests() {
    }

    /**
     * @param reports the report next to each source log (null where there is none)
     * @return per request name, in the mix's order; null when no source is a mix
     */
    static Map<String, RequestResults> of(HlogMerge merge, List<RunReport> reports, double seconds) {
        List<String> names = names(merge, reports);
        if (names.isEmpty()) {
            return null;
        }
        boolean counted = reports.stream().allMatch(r -> r != null && r.results().byRequest() != null);
        Map<String, RequestResults> map = new LinkedHashMap<>();
        for (String name : names) {
            Histogram ok = merge.total(IntervalLog.requestTag(IntervalLog.TAG_LATENCY, name));
            Histogram service = merge.total(IntervalLog.requestTag(IntervalLog.TAG_SERVICE, name));
            Histogram failure = merge.total(IntervalLog.requestTag(IntervalLog.TAG_FAILURE, name));
            long[] errors = new long[KINDS];
            Map<String, Long> checks = new LinkedHashMap<>();
            long requests = 0;
            long okCount = 0;
            if (counted) {
                for (RunReport report : reports) {
                    RequestResults part = report.results().byRequest().get(name);
                    if (part == null) {
                        continue;
                    }
                    requests += part.requests();
                    okCount += part.ok() != null ? part.ok() : part.requests() - part.errors().total();
                    for (ErrorKind kind : ErrorKind.values()) {
                        errors[kind.ordinal()] += part.errors().get(kind);
                    }
                    if (part.checks() != null) {
                        part.checks().forEach((check, n) -> checks.merge(check, n, Long::sum));
                    }
                }
            } else {
                okCount = count(ok);
                errors[ErrorKind.OTHER.ordinal()] = count(failure);
                requests = okCount + count(failure);
            }
            map.put(name, new RequestResults(requests, okCount, seconds > 0 ? okCount / seconds : 0,
                    seconds > 0 ? requests / seconds : 0, ErrorTally.of(errors, true),
                    requests == 0 ? 0.0 : (double) (requests - okCount) / requests, LatencySummary.of(ok),
                    LatencySummary.of(service), LatencySummary.of(failure), counted ? checks : null));
        }
        return map;
    }

    /** The request names: from the sources' reports in their order, then any other logged tag. */
    private static List<String> names(HlogMerge merge, List<RunReport> reports) {
        List<String> names = new ArrayList<>();
        for (RunReport report : reports) {
            if (report != null && report.results().byRequest() != null) {
                report.results().byRequest().keySet().stream().filter(n -> !names.contains(n))
                        .forEach(names::add);
            }
        }
        String prefix = IntervalLog.requestTag(IntervalLog.TAG_LATENCY, "");
        merge.tags().stream().filter(t -> t.startsWith(prefix)).map(t -> t.substring(prefix.length()))
                .filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    private static long count(Histogram h) {
        return h == null ? 0 : h.getTotalCount();
    }

}
