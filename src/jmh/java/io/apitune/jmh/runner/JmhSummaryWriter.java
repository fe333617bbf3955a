package io.apitune.jmh.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.apitune.gate.GateResult;
import io.apitune.report.AtomicFiles;
import io.apitune.report.model.EnvironmentInfo;

/**
 * Writes a run's small summaries next to JMH's JSON: {@value JmhRun#SUMMARY_JSON} (schemaVersion
 * {@value #SCHEMA_VERSION}, {@code "kind": "jmh"}, one entry per result, the environment) and
 * {@value JmhRun#SUMMARY_TEXT} (the same table {@link #table} prints).
 *
 * <p>Stateless; thread-safe.
 */
public final class JmhSummaryWriter {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JmhSummaryWriter() {
    }

    /** Writes both summaries into the run's directory, atomically. */
    public static void write(JmhRun run) {
        AtomicFiles.write(run.directory().resolve(JmhRun.SUMMARY_JSON), json(run));
        AtomicFiles.write(run.directory().resolve(JmhRun.SUMMARY_TEXT), table(run.results()));
    }

    static byte[] json(JmhRun run) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", SCHEMA_VERSION);
        doc.put("kind", "jmh");
        doc.put("runId", run.runId());
        doc.put("startTime", run.startTime().toString());
        doc.put("endTime", run.endTime().toString());
        doc.put("quick", run.quick());
        doc.put("includes", run.includes());
        doc.put("results", run.results());
        doc.put("gates", run.gates().stream().map(GateResult::toVerdict).toList());
        doc.put("environment", EnvironmentInfo.current());
        doc.put("files", Map.of("jmh", JmhRun.JMH_JSON, "text", JmhRun.SUMMARY_TEXT));
        try {
            return MAPPER.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the JMH summary", e);
        }
    }

    /** The results as an aligned text table (Locale.ROOT), one line per result, then group members. */
    public static String table(List<JmhResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Benchmark", "Params", "Mode", "Cnt", "Score", "Error", "Units"});
        for (JmhResult r : results) {
            rows.add(row(r.name(), r.paramsText(), r.mode(), r.samples(), r.score(), r.scoreError(), r.unit()));
            r.secondary().forEach((label, score) ->
                    rows.add(row(r.name() + ":" + label, r.paramsText(), r.mode(), r.samples(), score, null, r.unit())));
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                boolean left = i <= 2 || i == row.length - 1;
                String cell = left ? pad(row[i], widths[i], false) : pad(row[i], widths[i], true);
                out.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String[] row(String name, String params, String mode, long samples, double score,
            Double error, String unit) {
        return new String[] {name, params.isEmpty() ? "-" : params, mode, Long.toString(samples),
            String.format(Locale.ROOT, "%.3f", score),
            error == null ? "" : String.format(Locale.ROOT, "± %.3f", error), unit};
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(width - text.length());
        return right ? spaces + text : text + spaces;
    }
}
