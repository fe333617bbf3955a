package io.apitune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.apitune.ApituneException;
import io.apitune.metrics.Percentile;
import io.apitune.report.MergedReport;
import io.apitune.gate.GateCheck;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.MergeInfo;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;
import io.apitune.run.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code apitune report merge FILE.hlog… --out DIR}: adds interval logs losslessly (e.g. shards of
 * one run from several machines) and writes a merged report.json, latency.hlog and report.html.
 *
 * <p>Runs once on the picocli thread.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Add HdrHistogram interval logs losslessly, interval by interval on a common time "
                + "base (each log's start time plus its interval offsets), and write a merged report.",
            "Error counts are taken from a report.json next to an input log, when there is one.",
            "Shards of one run (bench/run/compare --shard I/N): the merged report says how many "
                + "and names the missing ones (partial); --gate is evaluated on the merged result, "
                + "inconclusive (exit 5) when shards are missing or one was limited."})
final class ReportMergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE.hlog", description = "Interval logs to merge.")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory for the merged report.json, latency.hlog and report.html.")
    Path out;

    @Option(names = "--name", defaultValue = "merged", paramLabel = "NAME",
            description = "Run name written to the merged report (default: ${DEFAULT-VALUE}).")
    String name;

    @Mixin
    GateOptions gates;

    @Override
    public Integer call() {
        if (!RunSpec.NAME.matcher(name).matches()) {
            throw ApituneException.invalidInput("--name: \"" + name + "\" is not a run name (letters, digits, _ and -)");
        }
        Path outDir = out.toAbsolutePath().normalize();
        for (Path file : files) {
            if (outDir.equals(file.toAbsolutePath().normalize().getParent())) {
                throw ApituneException.invalidInput("--out " + out + " holds input " + file
                        + "; write the merged report to another directory");
            }
        }
        GateCheck gateCheck = gates.check(name);
        RunReport merged = MergedReport.write(files, outDir, name);
        Results r = merged.results();
        LatencySummary latency = r.latency();
        PrintWriter stdout = spec.commandLine().getOut();
        merged.merged().notes().forEach(stdout::println);
        stdout.printf(Locale.ROOT, "merged %d logs: %d requests in %.0f s, latency p50 %.3f ms, p99 %.3f ms, "
                        + "p99.9 %.3f ms, max %.3f ms%n", files.size(), r.requests(), r.durationSeconds(),
                latency.percentileMs(Percentile.P50), latency.percentileMs(Percentile.P99),
                latency.percentileMs(Percentile.P999), latency.maxMs());
        MergeInfo info = merged.merged();
        if (info.shards() != null) {
            stdout.println("shards: " + shards(info));
        }
        if (r.limited()) {
            stdout.println("WARNING: the load generator limited a shard: " + r.generator().reason());
        }
        stdout.println("wrote " + outDir.resolve("report.html"));
        stdout.flush();
        return GateOptions.evaluateRun(gateCheck, merged, stdout);
    }

    /** {@code 2 of 3 (PARTIAL: missing pod a-1 (its reason))}: the shards a merged run holds. */
    static String shards(MergeInfo info) {
        return (info.shards() - info.shardsMissing().size()) + " of " + info.shards() + (info.partial()
                ? " (PARTIAL: missing " + String.join(", ", info.shardsMissing().stream()
                        .map(m -> m.name() + " (" + m.reason() + ")").toList()) + ")" : "");
    }
}
