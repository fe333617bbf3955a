package io.apitune.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * Where a run's report goes and whether progress is shown: {@code -o/--out}, {@code -q/--quiet}.
 * A mixin of bench, compare and capacity.
 *
 * <p>Filled by picocli on the command's thread.
 */
final class RunOutput {
    @Option(names = {"-q", "--quiet"}, description = "No live progress on stderr.")
    boolean quiet;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Report directory, new or empty (default: reports/<yyyyMMdd-HHmmss>-<name>).")
    Path out;
}
