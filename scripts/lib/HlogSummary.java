import java.io.FileInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Percentiles of every tag of an apitune interval log, in milliseconds, as one JSON object:
 * {"latency": {"count": n, "p50": ms, "p99": ms, "p99.9": ms, "max": ms}, "sendLag": {...}, ...}.
 * Run with the apitune jar on the class path (single-file source launch):
 * {@code java -cp target/apitune.jar scripts/lib/HlogSummary.java run/latency.hlog}.
 */
public class HlogSummary {
    public static void main(String[] args) throws IOException {
        Map<String, Histogram> totals = new TreeMap<>();
        try (FileInputStream in = new FileInputStream(args[0])) {
            HistogramLogReader reader = new HistogramLogReader(in);
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                Histogram interval = (Histogram) h;
                String tag = interval.getTag() == null ? "latency" : interval.getTag();
                totals.computeIfAbsent(tag, t -> new Histogram(interval.getLowestDiscernibleValue(),
                        interval.getHighestTrackableValue(), interval.getNumberOfSignificantValueDigits()))
                        .add(interval);
            }
        }
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Histogram> e : totals.entrySet()) {
            Histogram t = e.getValue();
            json.append(json.length() > 1 ? ", " : "").append('"').append(e.getKey()).append("\": ")
                    .append(String.format(Locale.ROOT,
                            "{\"count\": %d, \"p50\": %.3f, \"p99\": %.3f, \"p99.9\": %.3f, \"max\": %.3f}",
                            t.getTotalCount(), ms(t, 50), ms(t, 99), ms(t, 99.9), t.getMaxValue() / 1e6));
        }
        System.out.println(json.append('}'));
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e6;
    }
}
