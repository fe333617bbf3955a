package io.apitune.load;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import io.apitune.ApituneException;
import io.apitune.load.LoadConfig.KeySpace;

/**
 * Draws keys 1..count from a {@link KeySpace}: uniform, or zipf where key k has weight
 * {@code 1 / k^s} (key 1 is the most popular). Zipf uses a precomputed cumulative table and a
 * binary search, so it is limited to {@value #MAX_ZIPF_KEYS} keys.
 *
 * <p>Immutable after construction; thread-safe (uses {@link ThreadLocalRandom}).
 */
public final class KeyChooser {
    /** Largest key count zipf supports (the table takes 8 bytes per key). */
    public static final long MAX_ZIPF_KEYS = 2_000_000L;

    private final long count;
    private final double[] zipfCumulative;

    public KeyChooser(KeySpace keys) {
        this.count = keys.count();
        if (keys.distribution() == KeySpace.Distribution.ZIPF) {
            if (keys.count() > MAX_ZIPF_KEYS) {
                throw ApituneException.invalidInput("--keys: " + keys.count()
                        + " is more than the " + MAX_ZIPF_KEYS + " keys zipf supports");
            }
            zipfCumulative = cumulative((int) keys.count(), keys.zipfExponent());
        } else {
            zipfCumulative = null;
        }
    }

    private static double[] cumulative(int n, double exponent) {
        double[] table = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1.0 / Math.pow(k, exponent);
            table[k - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            table[i] /= sum;
        }
        return table;
    }

    /** The next key, in 1..count. */
    public long next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (zipfCumulative == null) {
            return 1 + random.nextLong(count);
        }
        int index = Arrays.binarySearch(zipfCumulative, random.nextDouble());
        int slot = index >= 0 ? index : -index - 1;
        return 1 + Math.min(slot, zipfCumulative.length - 1);
    }
}
