package io.apitune.gate;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.report.Reports;
import io.apitune.report.model.CombinedReport;
import io.apitune.report.model.RoundResult;
import io.apitune.report.model.RunReport;

/** Hand-made report.json documents (docs/report-schema.md) for gate tests. */
final class ReportFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private ReportFixtures() {
    }

    /** A run report with the given latency p50/p99 (ms), throughput, errors and requests. */
    static RunReport run(String name, double p50Ms, double p99Ms, double throughput,
            long errors, long requests) {
        return typed(runJson(name, p50Ms, p99Ms, throughput, errors, requests), RunReport.class);
    }

    /** The same as JSON. */
    static ObjectNode runJson(String name, double p50Ms, double p99Ms, double throughput,
            long errors, long requests) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("schemaVersion", 1).put("kind", "run").put("name", name);
        ObjectNode results = doc.putObject("results");
        results.put("durationSeconds", 10.0).put("requests", requests).put("throughput", throughput);
        results.putObject("errors").put("total", errors).put("connect", 0).put("timeout", 0)
                .put("status4xx", 0).put("status5xx", errors).put("other", 0);
        results.put("errorRate", requests == 0 ? 0.0 : (double) errors / requests);
        latency(results.putObject("latency"), p50Ms, p99Ms);
        latency(results.putObject("serviceTime"), p50Ms / 2, p99Ms / 2);
        return doc;
    }

    private static void latency(ObjectNode node, double p50, double p99) {
        node.put("count", 1000).put("mean", p50).put("min", p50 / 10).put("p50", p50)
                .put("p75", p50 * 1.2).put("p90", p50 * 1.5).put("p99", p99)
                .put("p99.9", p99 * 1.5).put("p99.99", p99 * 2).put("max", p99 * 3)
                .put("stddev", 1.0);
    }

    /**
     * A run measured in rounds: round i has p99 {@code p99Ms[i]} (p50 half of it) and throughput
     * {@code throughput[i]}; the merged results are those of round 1 (the gates on rounds read the
     * samples, the merged values only for the measured and limit columns).
     */
    static RunReport rounds(String name, double[] p99Ms, double[] throughput) {
        List<RoundResult> rounds = new ArrayList<>();
        for (int i = 0; i < p99Ms.length; i++) {
            RunReport round = run(name, p99Ms[i] / 2, p99Ms[i], throughput[i], 0, 1000);
            rounds.add(new RoundResult(i + 1, "round-0" + (i + 1), null, null, 0.5, round.results(), null, null, List.of()));
        }
        RunReport first = run(name, p99Ms[0] / 2, p99Ms[0], throughput[0], 0, 1000);
        return new RunReport(first.schemaVersion(), first.kind(), first.runId(), name, false, null, null,
                null, null, first.results(), null, null, null, null, rounds, null);
    }

    /** A combined scenario report holding the runs. */
    static CombinedReport scenario(RunReport... runs) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("schemaVersion", 1).put("kind", "scenario").put("name", "test");
        for (RunReport run : runs) {
            doc.withArray("runs").add(Reports.MAPPER.valueToTree(run));
        }
        return typed(doc, CombinedReport.class);
    }

    static <T> T typed(ObjectNode doc, Class<T> type) {
        try {
            return Reports.MAPPER.treeToValue(doc, type);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
