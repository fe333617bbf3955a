package io.apitune.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.apitune.load.ErrorKind;
import io.apitune.report.model.LoadInfo;
import io.apitune.report.model.Results;
import io.apitune.report.model.TheoryInfo;

/**
 * What {@code compare} concludes, one plain sentence per pair of runs, e.g. "async served 33.3×
 * the goodput of blocking at equal connections; blocking ran at 0.93 of its bound of 400/s (8
 * workers / 20 ms): 98.8 % of its requests were turned away." The run that served less is the one
 * explained: the fraction of its theory bound it reached (or why it has none) and the share of its
 * requests that failed. The same sentences go into the combined report ({@code findings}) and its
 * page.
 *
 * <p>Stateless; thread-safe.
 */
final class Findings {
    /** Below this share of failed requests, failures are not worth a clause. */
    private static final double WORTH_SAYING = 0.01;

    private Findings() {
    }

    /** One sentence per pair, in run order (1-2, 1-3, ..., 2-3, ...). */
    static List<String> of(List<RunResult> runs) {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                sentences.add(sentence(runs.get(i), runs.get(j)));
            }
        }
        return sentences;
    }

    static void print(List<String> sentences, PrintWriter out) {
        if (sentences.isEmpty()) {
            return;
        }
        out.println();
        sentences.forEach(out::println);
        out.flush();
    }

    static String sentence(RunResult a, RunResult b) {
        boolean bServedMore = b.report().results().throughput() > a.report().results().throughput();
        RunResult more = bServedMore ? b : a;
        RunResult less = bServedMore ? a : b;
        double high = more.report().results().throughput();
        double low = less.report().results().throughput();
        String load = sameLoad(a.report().config(), b.report().config());
        String lead;
        if (high == 0) {
            return String.format(Locale.ROOT, "neither %s nor %s served an OK answer%s.", a.spec().name(),
                    b.spec().name(), load);
        } else if (low == 0) {
            lead = String.format(Locale.ROOT, "%s served %s OK answers per second and %s none%s",
                    more.spec().name(), Theory.rate(high), less.spec().name(), load);
        } else if (high / low < 1.05) {
            lead = String.format(Locale.ROOT, "%s and %s served about the same goodput (%s×)%s",
                    more.spec().name(), less.spec().name(), ratio(high / low), load);
        } else {
            lead = String.format(Locale.ROOT, "%s served %s× the goodput of %s%s", more.spec().name(),
                    ratio(high / low), less.spec().name(), load);
        }
        return lead + why(less) + limited(a, b) + ".";
    }

    /** {@code ; blocking ran at 0.93 of its bound of 400/s (8 workers / 20 ms): ...}. */
    private static String why(RunResult r) {
        String name = r.spec().name();
        TheoryInfo t = r.report().theory();
        String failures = failures(r.report().results(), "its");
        if (t == null) {
            String share = failures(r.report().results(), name + "'s");
            return share.isEmpty() ? "" : "; " + share.substring(2);
        }
        if (t.bounded()) {
            return String.format(Locale.ROOT, "; %s ran at %.2f of its bound of %s/s (%s)%s", name,
                    t.fraction(), Theory.rate(t.boundPerSecond()), t.explanation(), failures);
        }
        if (TheoryInfo.SERVER.equals(t.limitedBy())) {
            Double hits = t.inputs() == null ? null : t.inputs().cacheHitRatio();
            return "; " + name + " is bounded by the server itself, not by a configured resource"
                    + (hits == null ? "" : String.format(Locale.ROOT, " (%.1f %% cache hits)", hits * 100))
                    + failures;
        }
        return "; " + name + " has no theory bound (" + t.note() + ")" + failures;
    }

    /**
     * {@code : 98.8 % of its requests were turned away} (mostly 5xx) or {@code ... failed}; empty
     * below {@link #WORTH_SAYING}.
     */
    private static String failures(Results r, String owner) {
        if (r.requests() == 0 || r.errorRate() < WORTH_SAYING) {
            return "";
        }
        boolean turnedAway = r.errors().get(ErrorKind.STATUS_5XX) * 2 >= r.errors().total();
        return String.format(Locale.ROOT, ": %.1f %% of %s requests %s", r.errorRate() * 100, owner,
                turnedAway ? "were turned away" : "failed");
    }

    private static String limited(RunResult a, RunResult b) {
        List<String> names = new ArrayList<>();
        for (RunResult r : List.of(a, b)) {
            if (r.report().results().limited()) {
                names.add(r.spec().name());
            }
        }
        return names.isEmpty() ? "" : "; the load generator limited " + String.join(" and ", names)
                + ", so " + (names.size() == 1 ? "its goodput is" : "their goodputs are") + " a floor";
    }

    /** {@code  at equal connections}, {@code  at the same offered rate}, or nothing. */
    private static String sameLoad(LoadInfo a, LoadInfo b) {
        if (a == null || b == null || !Objects.equals(a.model(), b.model())
                || a.connections() != b.connections() || !Objects.equals(a.rate(), b.rate())) {
            return "";
        }
        return a.rate() == null ? " at equal connections" : " at the same offered rate";
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }
}
