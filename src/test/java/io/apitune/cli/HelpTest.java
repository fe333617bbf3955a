package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help prints usage and nothing on stderr (picocli warns there on bad text). */
class HelpTest {
    @Test
    void everyCommandsHelpIsCleanOnStderr() {
        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(8);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (List<String> path : commands) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
                assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: apitune");
                assertThat(r.err()).as(String.join(" ", args)).isEmpty();
            }
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().name().equals(name)) {
                return; // an alias
            }
            List<String> child = new ArrayList<>(path);
            child.add(name);
            collect(sub, child, out);
        });
    }
}
