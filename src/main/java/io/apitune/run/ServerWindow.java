package io.apitune.run;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.load.ProgressListener;
import io.apitune.report.Reports;

/**
 * Two readings of a reference server's {@code GET /stats}: one when measurement starts (after the
 * warm-up) and one after the run, so that counters of the measured window are the difference of
 * the two, whatever the server did before (a {@code --server} target serves other runs too).
 *
 * <p>Thread model: built and {@link #end() ended} on the run's thread; the start reading is
 * triggered from the generator's sampler thread through {@link #around}, and made on the common
 * fork-join pool so that the sampler never waits for HTTP.
 */
final class ServerWindow {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String baseUrl;
    private final HttpClient http;
    private volatile CompletableFuture<JsonNode> start;

    /** @param baseUrl the reference server's base URL, or null when the target is not one */
    ServerWindow(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = baseUrl == null ? null : HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /**
     * Reads {@code /stats} once before the load starts, so that the start reading, made while the
     * generator measures, finds the HTTP client loaded and connected and lands within milliseconds
     * of the start of measurement.
     */
    ServerWindow warm() {
        read();
        return this;
    }

    /** {@code inner}, plus the start reading when measurement starts. */
    ProgressListener around(ProgressListener inner) {
        if (baseUrl == null) {
            return inner;
        }
        return ProgressListener.both(new ProgressListener() {
            @Override
            public void measurementStarted(double warmupSeconds, long warmupDropped) {
                start = CompletableFuture.supplyAsync(ServerWindow.this::read);
            }
        }, inner);
    }

    /** The reading at the start of measurement, or null when there is none. */
    JsonNode start() {
        CompletableFuture<JsonNode> reading = start;
        if (reading == null) {
            return null;
        }
        try {
            return reading.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Reads {@code /stats} now (the end of the window); null when it cannot be read. */
    JsonNode end() {
        return read();
    }

    private JsonNode read() {
        if (baseUrl == null) {
            return null;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/stats")).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Reports.MAPPER.readTree(response.body()) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
