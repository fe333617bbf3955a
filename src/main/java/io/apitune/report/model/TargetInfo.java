package io.apitune.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * What a run drove ({@code target} in report.json).
 *
 * @param kind    {@code mode}, {@code server} or {@code url}
 * @param mode    the reference-server mode (mode and server kinds), else null
 * @param url     the URL driven (may contain {@code {key}})
 * @param baseUrl the running {@code apitune serve} (server kind), else null
 * @param server  the in-process server's configuration (mode kind), else null
 * @param queries N of {@code /queries?queries=N}, else null
 */
public record TargetInfo(String kind, @JsonInclude(Include.NON_NULL) String mode, String url,
        @JsonInclude(Include.NON_NULL) String baseUrl, @JsonInclude(Include.NON_NULL) ServerInfo server,
        @JsonInclude(Include.NON_NULL) Integer queries) {
}
