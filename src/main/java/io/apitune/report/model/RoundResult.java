package io.apitune.report.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.HdrHistogram.Histogram;

/**
 * One round of a run measured in interleaved rounds ({@code rounds} of a run's report.json): what
 * that round measured, so every metric of the run has one sample per round. The round's own
 * directory holds its full report.json (with its timeline) and latency.hlog.
 *
 * <p>Immutable; thread-safe.
 *
 * @param round         1-based, in the order the rounds ran
 * @param dir           the round's directory relative to the run's, e.g. {@code round-01}
 * @param startTime     ISO-8601 UTC, start of the round's measurement
 * @param endTime       ISO-8601 UTC, its end
 * @param warmupSeconds the warm-up before this round: the full one in the target's first round,
 *                      a short re-warm after that
 * @param results       what the round measured, without its timeline
 * @param latencyHistogram the round's latency histogram (ns, from the intended send),
 *                      {@link HistogramCodec} form; null when unknown
 * @param serviceHistogram the same for service time
 * @param remeasured    why earlier attempts of this round were measured again: the generator
 *                      limited them (their directories are kept as {@code dir + "-limited"});
 *                      empty (left out of the JSON) when the first attempt was kept
 */
@JsonPropertyOrder({"round", "dir", "startTime", "endTime", "warmupSeconds", "results",
    "latencyHistogram", "serviceHistogram", "remeasured"})
public record RoundResult(int round, String dir, String startTime, String endTime,
        double warmupSeconds, @JsonIgnoreProperties("timeline") Results results,
        @JsonInclude(Include.NON_NULL) String latencyHistogram,
        @JsonInclude(Include.NON_NULL) String serviceHistogram,
        @JsonInclude(Include.NON_EMPTY) List<String> remeasured) {

    public RoundResult {
        remeasured = remeasured == null ? List.of() : List.copyOf(remeasured);
    }

    /** The round's histogram of latency ({@code service} false) or service time, or null. */
    public Histogram histogram(boolean service) {
        String text = service ? serviceHistogram : latencyHistogram;
        return text == null ? null : HistogramCodec.decode(text);
    }
}
