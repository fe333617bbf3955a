package io.apitune.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A standard HdrHistogram interval log ({@code .hlog}) kept in memory while a run is measured,
 * then written to a file. Intervals are compressed as they arrive (a few hundred bytes each), so
 * an hour-long run stays small. Readable by HdrHistogram's {@code HistogramLogReader}.
 *
 * <p>Single writer: only the interval sampler thread calls {@link #append}; {@link #bytes} and
 * {@link #writeTo} are called after it has stopped.
 */
public final class IntervalLog {
    /** Tag of OK-request latency intervals, measured from the intended send time. */
    public static final String TAG_LATENCY = "latency";
    /** Tag of OK-request service-time intervals, measured from the actual send time. */
    public static final String TAG_SERVICE = "service";
    /** Tag of KO-request latency intervals, from the intended send time to the failure. */
    public static final String TAG_FAILURE = "failure";
    /** Tag of the generator's send-lag intervals (actual send minus earliest possible send). */
    public static final String TAG_SEND_LAG = "sendLag";

    /**
     * The tag of one request of a mix's intervals of {@code tag} (latency, service, failure):
     * {@code latency.get-item}, so merging logs (shards) keeps each request's histograms exact.
     */
    public static String requestTag(String tag, String request) {
        return tag + "." + request;
    }

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream stream;
    private final HistogramLogWriter writer;

    /** @param startEpochMillis the measurement start; interval times in the log are relative to it */
    public IntervalLog(long startEpochMillis) {
        stream = new PrintStream(buffer, false, StandardCharsets.UTF_8);
        writer = new HistogramLogWriter(stream);
        writer.outputComment("apitune interval log: values in nanoseconds; tags latency "
                + "(OK, from intended send), service (OK, from actual send), failure (KO, from "
                + "intended send to the failure) and sendLag (the generator's own delay)");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startEpochMillis);
        writer.setBaseTime(startEpochMillis);
        writer.outputLegend();
    }

    /**
     * Appends one interval histogram with its tag. The histogram's start and end time stamps
     * (epoch milliseconds) must be set.
     */
    public void append(String tag, Histogram interval) {
        interval.setTag(tag);
        writer.outputIntervalHistogram(interval);
    }

    /** The log as written so far. */
    public byte[] bytes() {
        stream.flush();
        return buffer.toByteArray();
    }

    /** Writes the log to {@code file}. */
    public void writeTo(Path file) throws IOException {
        Files.write(file, bytes());
    }

    /** The file contents as text, for tests and debugging. */
    @Override
    public String toString() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }
}
