package io.apitune.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * The files next to a report.json ({@code files}).
 *
 * @param hlog the interval log, default {@value #HLOG}
 * @param html the HTML page, default {@value #HTML}
 */
@JsonInclude(Include.NON_NULL)
public record FileNames(String hlog, String html) {
    public static final String JSON = "report.json";
    public static final String HLOG = "latency.hlog";
    public static final String HTML = "report.html";
    /** What a run directory holds. */
    public static final FileNames RUN = new FileNames(HLOG, HTML);

    /** The interval log's name, the default when not given. */
    public String hlogOrDefault() {
        return hlog == null ? HLOG : hlog;
    }

    /** The page's name, the default when not given. */
    public String htmlOrDefault() {
        return html == null ? HTML : html;
    }
}
