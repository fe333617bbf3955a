package io.apitune.report.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.apitune.load.Check;
import io.apitune.load.FeederSpec;
import io.apitune.load.MixRequest;
import io.apitune.load.Stage;

/**
 * The parts of {@code config} that describe realistic traffic: the requests of a mix, the
 * feeders and the stages (docs/report-schema.md).
 *
 * <p>Immutable; thread-safe.
 */
public final class MixInfo {
    private MixInfo() {
    }

    /**
     * One request of a mix as configured.
     *
     * @param url    as written (a path resolves against the run's base URL); placeholders as
     *               written
     * @param checks the checks' names, in order
     */
    @JsonInclude(Include.NON_EMPTY)
    public record RequestInfo(String name, double weight, String method, String url,
            List<String> headers, int bodyBytes, List<String> checks) {
        static RequestInfo of(MixRequest r) {
            return new RequestInfo(r.name(), r.weight(), r.request().method(), r.request().url(),
                    r.request().headers().stream().map(h -> h.name() + ": " + h.value()).toList(),
                    r.request().body() == null ? 0 : r.request().body().length,
                    r.checks().stream().map(Check::name).toList());
        }
    }

    /**
     * A feeder as configured.
     *
     * @param atEnd {@code stop} or {@code wrap} for the strategies that use each row once, else null
     */
    @JsonInclude(Include.NON_NULL)
    public record FeederInfo(String name, String file, String format, String strategy, String atEnd,
            List<String> columns) {
        static FeederInfo of(FeederSpec f) {
            return new FeederInfo(f.name(), f.file().toString(), f.format().key(), f.strategy().key(),
                    f.atEnd(), f.columns());
        }
    }

    /**
     * A stage: {@code hold} a level, or {@code rampTo} one, for {@code seconds}; the level is a
     * rate in the open model and connections in the closed one.
     */
    @JsonInclude(Include.NON_NULL)
    public record StageInfo(Double hold, Double rampTo, double seconds) {
        static StageInfo of(Stage s) {
            double seconds = s.duration().toNanos() / 1e9;
            return s.ramp() ? new StageInfo(null, s.level(), seconds) : new StageInfo(s.level(), null, seconds);
        }
    }
}
