package io.apitune.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames survive the trip through a log with other lines around them; cut or corrupt ones do not. */
class ResultFramesTest {
    @TempDir
    Path tmp;

    @Test
    void framesRoundTripAmongOtherLogLines() throws Exception {
        byte[] hlog = new byte[5_000];
        for (int i = 0; i < hlog.length; i++) {
            hlog[i] = (byte) (i * 31);
        }
        Files.createDirectories(tmp.resolve("main"));
        Files.write(tmp.resolve("main/latency.hlog"), hlog);
        Files.writeString(tmp.resolve("main/report.json"), "{\"schemaVersion\":2}");
        Files.createDirectories(tmp.resolve("no-log"));
        String log = "summary line\n" + frames() + "trailing line\n";

        var runs = ResultFrames.parse(log);
        assertThat(runs).containsOnlyKeys("main");
        assertThat(runs.get("main").get("latency.hlog")).isEqualTo(hlog);
        assertThat(new String(runs.get("main").get("report.json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"schemaVersion\":2}");
        assertThat(log).contains("----- BEGIN APITUNE RESULT shard=1/3 run=main file=latency.hlog -----");

        String cut = log.substring(0, log.indexOf("----- END APITUNE RESULT shard=1/3 run=main file=latency.hlog"));
        assertThat(ResultFrames.parse(cut).get("main")).containsOnlyKeys("report.json");
        String corrupt = log.replaceFirst("(file=latency.hlog -----\n)H4sI", "$1H4sJ");
        assertThat(ResultFrames.parse(corrupt).get("main")).containsOnlyKeys("report.json");
        String escape = log.replace("file=report.json", "file=..");
        assertThat(ResultFrames.parse(escape).get("main")).containsOnlyKeys("latency.hlog");
    }

    private String frames() {
        StringWriter text = new StringWriter();
        ResultFrames.print(tmp, "1/3", new PrintWriter(text));
        return text.toString();
    }
}
