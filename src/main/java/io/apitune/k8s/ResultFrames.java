package io.apitune.k8s;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a shard's results travel in its pod log, with no shared volume: after the run, every run
 * directory's {@code report.json} and {@code latency.hlog} are printed on stdout, each gzipped,
 * base64-encoded (MIME lines of 76 characters) between two marker lines:
 *
 * <pre>
 * ----- BEGIN APITUNE RESULT shard=1/3 run=main file=report.json -----
 * H4sIAAAAAAAA...
 * ----- END APITUNE RESULT shard=1/3 run=main file=report.json -----
 * </pre>
 *
 * Anything else in the log is ignored. A frame cut short (no END line, or a gzip stream whose
 * CRC fails) is not a result: the shard is then missing.
 *
 * <p>Stateless; thread-safe.
 */
public final class ResultFrames {
    /** The files of a run directory that travel. */
    public static final List<String> FILES = List.of("report.json", "latency.hlog");

    private static final Pattern BEGIN = Pattern.compile(
            "^----- BEGIN APITUNE RESULT shard=(\\S+) run=([A-Za-z0-9_-]+) file=([a-z.]+) -----$");

    private ResultFrames() {
    }

    /**
     * Prints the frames of every run directory under {@code combinedDir} (a subdirectory with a
     * latency.hlog) on {@code out}.
     *
     * @param shard the shard's label, e.g. {@code 1/3}, written in the markers for readers
     */
    public static void print(Path combinedDir, String shard, PrintWriter out) {
        for (Path runDir : runDirectories(combinedDir)) {
            String run = runDir.getFileName().toString();
            for (String file : FILES) {
                Path path = runDir.resolve(file);
                if (Files.isRegularFile(path)) {
                    String marker = " APITUNE RESULT shard=" + shard + " run=" + run + " file=" + file + " -----";
                    out.println("----- BEGIN" + marker);
                    out.println(Base64.getMimeEncoder().encodeToString(gzip(read(path))));
                    out.println("----- END" + marker);
                }
            }
        }
        out.flush();
    }

    /**
     * The framed files in a log: run name to file name to content. Frames cut short or corrupt
     * are left out.
     */
    public static Map<String, Map<String, byte[]>> parse(String log) {
        Map<String, Map<String, byte[]>> runs = new LinkedHashMap<>();
        String[] lines = log.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher begin = BEGIN.matcher(lines[i]);
            if (!begin.matches()) {
                continue;
            }
            String end = lines[i].replace("----- BEGIN ", "----- END ");
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].equals(end)) {
                body.append(lines[j].trim());
                j++;
            }
            if (j == lines.length) {
                break;
            }
            byte[] content = gunzip(body.toString());
            if (content != null && FILES.contains(begin.group(3))) {
                runs.computeIfAbsent(begin.group(2), r -> new LinkedHashMap<>()).put(begin.group(3), content);
            }
            i = j;
        }
        return runs;
    }

    private static List<Path> runDirectories(Path combinedDir) {
        try (Stream<Path> children = Files.list(combinedDir)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("latency.hlog"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The content, or null when the text is not base64 of a whole gzip stream. */
    private static byte[] gunzip(String base64) {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(base64)))) {
            return zip.readAllBytes();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
