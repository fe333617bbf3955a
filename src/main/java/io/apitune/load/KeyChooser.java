package io.apitune.load;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import io.apitune.ApituneException;
import io.apitune.load.LoadConfig.KeySpace;

/**
 * Draws keys 1..count from a {@link KeySpace}: uniform, or zipf where key k has weight
 * {@code 1 / k^s} (key 1 is the most popular). Zipf uses a precomputed cumulative table and a
 * binary search, so it is limited to {@value #MAX_ZIPF_KEYS} keys. A shard draws only its own
 * keys (key k when k - 1 is its index modulo the shard count), with the same
 * weights, so no key is driven by two shards.
 *
 * <p>Immutable after construction; thread-safe (uses {@link ThreadLocalRandom}).
 */
public final class KeyChooser {
    /** Largest key count zipf supports (the table takes 8 bytes per key). */
    public static final long MAX_ZIPF_KEYS = 2_000_000L;

    /** The shard's keys are first + stride * j for j in 0..count-1. */
    private final long first;
    private final long stride;
    private final long count;
    private final double[] zipfCumulative;

    /** Draws only the keys of {@code shard}. */
    public KeyChooser(KeySpace keys, Shard shard) {
        this.first = 1 + shard.index();
        this.stride = shard.count();
        this.count = shard.share(keys.count());
        if (count < 1) {
            throw ApituneException.invalidInput("--keys: " + keys.count() + " cannot be split over "
                    + shard.count() + " shards");
        }
        if (keys.distribution() == KeySpace.Distribution.ZIPF) {
            if (keys.count() > MAX_ZIPF_KEYS) {
                throw ApituneException.invalidInput("--keys: " + keys.count()
                        + " is more than the " + MAX_ZIPF_KEYS + " keys zipf supports");
            }
            zipfCumulative = cumulative((int) count, keys.zipfExponent());
        } else {
            zipfCumulative = null;
        }
    }

    private double[] cumulative(int n, double exponent) {
        double[] table = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += 1.0 / Math.pow(first + stride * j, exponent);
            table[j] = sum;
        }
        for (int i = 0; i < n; i++) {
            table[i] /= sum;
        }
        return table;
    }

    /** The next key, in 1..count (one of the shard's). */
    public long next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (zipfCumulative == null) {
            return first + stride * random.nextLong(count);
        }
        int index = Arrays.binarySearch(zipfCumulative, random.nextDouble());
        int slot = index >= 0 ? index : -index - 1;
        return first + stride * Math.min(slot, zipfCumulative.length - 1);
    }
}
