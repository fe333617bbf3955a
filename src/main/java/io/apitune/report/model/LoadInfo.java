package io.apitune.report.model;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import io.apitune.load.LoadConfig;

/**
 * The load as run ({@code config} in report.json).
 *
 * @param model           {@code open} or {@code closed}
 * @param rate            requests per second of the open model, null in the closed model
 * @param durationSeconds measured duration, or null when the run counted requests
 * @param requests        measured request count, or null when the run had a duration
 * @param headers         {@code Name: value} strings
 * @param keyDistribution {@code uniform} or {@code zipf:S}
 * @param protocol        the protocol asked for: {@code http1}, {@code h2c}, {@code h2}; null in
 *                        a report written before HTTP/2
 * @param streams         HTTP/2: the streams per connection asked for; null for HTTP/1.1
 * @param tls             how an https:// target's certificate was checked: {@code default} (the
 *                        JDK's CAs), {@code cacert}, {@code server-certificate} (an in-process
 *                        server's own), {@code insecure}; null for http://
 * @param stages          the staged profile (absent without one); with stages {@code rate} is
 *                        their mean rate and {@code durationSeconds} their total
 * @param mix             the requests of a mix (absent for a single-request run); {@code method}
 *                        and {@code bodyBytes} are then the run's defaults and {@code headers}
 *                        go to every request
 * @param feeders         the feeders the run's templates read (absent without)
 */
public record LoadInfo(String model, Double rate, String arrival, int connections,
        Double durationSeconds, Long requests, double warmupSeconds, double rampUpSeconds,
        double timeoutSeconds, String method, List<String> headers, int bodyBytes, long keys,
        String keyDistribution, @JsonInclude(Include.NON_NULL) String protocol,
        @JsonInclude(Include.NON_NULL) Integer streams, @JsonInclude(Include.NON_NULL) String tls,
        @JsonInclude(Include.NON_NULL) List<MixInfo.StageInfo> stages,
        @JsonInclude(Include.NON_NULL) List<MixInfo.RequestInfo> mix,
        @JsonInclude(Include.NON_NULL) List<MixInfo.FeederInfo> feeders) {

    public static LoadInfo of(LoadConfig c) {
        LoadConfig.KeySpace keys = c.keys();
        return new LoadInfo(c.open() ? "open" : "closed", c.ratePerSecond(),
                c.arrival().name().toLowerCase(Locale.ROOT), c.connections(),
                c.duration() == null ? null : c.duration().toNanos() / 1e9, c.requests(),
                c.warmup().toNanos() / 1e9, c.rampUp().toNanos() / 1e9, c.timeout().toNanos() / 1e9,
                c.request().method(),
                c.request().headers().stream().map(h -> h.name() + ": " + h.value()).toList(),
                c.request().body() == null ? 0 : c.request().body().length, keys.count(),
                keys.distribution() == LoadConfig.KeySpace.Distribution.UNIFORM ? "uniform"
                        : "zipf:" + keys.zipfExponent(), c.transport().protocol().key(),
                c.transport().protocol().http2() ? c.transport().streams() : null,
                c.request().url().toLowerCase(Locale.ROOT).startsWith("https:")
                        ? c.transport().tls().verification() : null,
                c.staged() ? c.stages().stream().map(MixInfo.StageInfo::of).toList() : null,
                c.mix().isMix() ? c.mix().requests().stream().map(MixInfo.RequestInfo::of).toList() : null,
                c.mix().feeders().isEmpty() ? null
                        : c.mix().feeders().stream().map(MixInfo.FeederInfo::of).toList());
    }
}
