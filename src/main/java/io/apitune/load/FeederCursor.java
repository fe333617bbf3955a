package io.apitune.load;

/**
 * One lane's view of a {@link Feeder}: a block of rows taken at once and handed out one per
 * request, so the shared feeder is visited once per {@value Feeder#BLOCK} requests.
 *
 * <p>Thread model: one lane thread.
 */
final class FeederCursor {
    /** No row ready yet: the request waits for the feeder's reader. */
    static final String[] WAIT = new String[0];
    /** No row will come: the run stops issuing requests. */
    static final String[] END = new String[0];

    private final Feeder feeder;
    private String[][] block = new String[0][];
    private int position;

    FeederCursor(Feeder feeder) {
        this.feeder = feeder;
    }

    /** The next row, or {@link #WAIT} or {@link #END} (compare by identity). */
    String[] next() {
        if (position < block.length) {
            return block[position++];
        }
        String[][] taken = feeder.take();
        if (taken == Feeder.END) {
            return END;
        }
        if (taken == Feeder.WAIT) {
            return WAIT;
        }
        block = taken;
        position = 1;
        return taken[0];
    }
}
