package io.apitune.cli;

import io.apitune.ExitCodes;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.apitune.report.CompareReport;
import io.apitune.report.Comparison;
import io.apitune.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code apitune report DIR…} regenerates report.html from stored results;
 * {@code apitune report --compare A B} writes a comparison page and prints percentile deltas;
 * {@code apitune report merge …} is {@link ReportMergeCommand}.
 *
 * <p>Runs once on the picocli thread.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render stored results as HTML, compare two runs, or merge .hlog files.",
            "Each DIR is a run directory holding report.json (and latency.hlog)."},
        subcommands = {ReportMergeCommand.class})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "DIR",
            description = "Run or combined-report directories whose report.html to regenerate.")
    List<Path> dirs = List.of();

    @Option(names = "--compare", arity = "2", paramLabel = "DIR",
            description = "Compare two stored runs A and B: print p50..max deltas of B against A "
                    + "(absolute ms and %%) and write a comparison page. When both were measured in "
                    + "rounds, also print each ratio B/A with its median and 95%% interval.")
    List<Path> compare;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where --compare writes report.json and report.html "
                    + "(default: compare-A-vs-B next to A).")
    Path out;

    @Override
    public Integer call() {
        if (compare != null && !dirs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give either DIR... or --compare A B, not both");
        }
        if (out != null && compare == null) {
            throw new ParameterException(spec.commandLine(), "--out applies only to --compare");
        }
        if (compare == null && dirs.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "missing DIR (or --compare A B, or 'report merge FILE.hlog... --out DIR')");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (compare != null) {
            Path a = compare.get(0);
            Path b = compare.get(1);
            CompareReport.Result result = CompareReport.write(a, b, out != null ? out : CompareReport.defaultOut(a, b));
            result.notes().forEach(stdout::println);
            stdout.print(Comparison.textTable(result.nameA(), result.nameB(), result.deltas()));
            stdout.print(Comparison.ratioTable(result.ratios()));
            stdout.println("wrote " + result.html());
        } else {
            for (Path dir : dirs) {
                stdout.println("wrote " + HtmlReport.write(dir));
            }
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
