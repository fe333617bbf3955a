package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./apitune} launcher's {@code APITUNE_JAR}: one given build, run as it is. */
class LauncherIT {
    @TempDir
    Path dir;

    private record Ran(int exit, String out, String err) {
    }

    private Ran launch(String jar, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().addAll(java.util.List.of("bash", Path.of("apitune").toAbsolutePath().toString()));
        builder.command().addAll(java.util.List.of(args));
        builder.environment().put("APITUNE_JAR", jar);
        builder.environment().put("APITUNE_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aGivenJarRunsAsItIsWithoutABuild() throws Exception {
        Path copy = dir.resolve("copy.jar");
        Files.copy(Path.of("target", "apitune.jar"), copy);
        Ran ran = launch(copy.toString(), "--version");
        assertThat(ran.exit()).isZero();
        assertThat(ran.out()).containsIgnoringCase("apitune");
        assertThat(ran.err()).doesNotContain("building");
    }

    @Test
    void aMissingJarIsOneLineAndExit2() throws Exception {
        Ran ran = launch(dir.resolve("none.jar").toString(), "--version");
        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().strip()).startsWith("apitune: APITUNE_JAR: ").doesNotContain("\n");
    }
}
