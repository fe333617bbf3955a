package io.apitune.load;

import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.apitune.load.FeederSpec.Strategy;

/**
 * A feeder's rows during a run, handed to the lanes {@value #BLOCK} at a time. A file that fits
 * in one window ({@link #WINDOW_BYTES}) is parsed once and kept in memory; a larger one is never
 * loaded whole: a reader thread parses one window ahead while the lanes use the current one.
 *
 * <ul>
 *   <li>{@code sequential}, {@code circular}: windows in file order, rows in file order;</li>
 *   <li>{@code shuffle}: each pass visits the windows in a random order and the rows of each
 *       window in a random order, so every row is used once per pass (a file of one window is
 *       shuffled whole);</li>
 *   <li>{@code random}: rows drawn uniformly from the current window, as many draws as it has
 *       rows, then another window drawn at random (a file of one window: uniformly from all).</li>
 * </ul>
 * After the last row {@code sequential} and {@code shuffle} stop the run (take returns
 * {@link #END}) unless they wrap; a wrapped shuffle is reshuffled.
 *
 * <p>A shard ({@link Shard}) uses only its own rows, so the shards of a run together use each
 * row once per pass: windows are the same byte ranges of the file on every shard, and row
 * {@code r} of window {@code w} (both 0-based) belongs to the shard whose index is
 * {@code (w + r) mod count}. In a file of one window that is the row's position in the file.
 *
 * <p>Thread model: {@link #take()} from any lane thread (synchronized: a lane comes once per
 * {@value #BLOCK} rows); the reader thread only puts whole windows into a queue.
 */
final class Feeder implements AutoCloseable {
    /** Rows a lane takes at a time. */
    static final int BLOCK = 64;
    /** About how much of the file is parsed and kept at once: 8 MiB. */
    static final int WINDOW_BYTES = 8 << 20;
    /** No rows ready yet (the reader is behind): try again shortly. */
    static final String[][] WAIT = new String[0][];
    /** No rows will come: every row was used and the feeder does not wrap. */
    static final String[][] END = new String[0][];

    private final FeederSpec spec;
    private final Shard shard;
    private final SplittableRandom random;
    private final boolean single;
    private final BlockingQueue<String[][]> ahead = new ArrayBlockingQueue<>(1);
    private final Thread reader;
    private String[][] rows;
    private int position;
    private long draws;
    private boolean ended;
    private volatile String problem;

    /** @param firstNext where the window after {@code first} starts (read in order from there) */
    private Feeder(FeederSpec spec, Shard shard, String[][] first, long firstNext, FeederFile file,
            long seed, int windowBytes) {
        this.spec = spec;
        this.shard = shard;
        this.random = new SplittableRandom(seed);
        this.single = file == null;
        this.rows = first;
        if (single && spec.strategy() == Strategy.SHUFFLE) {
            shuffle(rows, random);
        }
        this.reader = single ? null : new Thread(() -> read(file, firstNext, windowBytes, seed + 1),
                "apitune-feeder-" + spec.name());
        if (reader != null) {
            reader.setDaemon(true);
            reader.start();
        }
    }

    /**
     * Opens the feeder's file: parses it whole when it is one window, else reads the first
     * window (and, for {@code shuffle} and {@code random}, where every window starts). Only
     * {@code shard}'s own rows (see the class comment).
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is malformed, has no rows, or fewer than shards
     */
    static Feeder open(FeederSpec spec, Shard shard, long seed) throws IOException {
        return open(spec, shard, seed, WINDOW_BYTES);
    }

    static Feeder open(FeederSpec spec, Shard shard, long seed, int windowBytes) throws IOException {
        FeederFile file = new FeederFile(spec.file(), spec.format());
        try {
            FeederFile.Window first = file.window(file.dataStart(), windowBytes);
            if (first.rows().length == 0) {
                throw new IllegalArgumentException("has no rows");
            }
            String[][] own = shard.ownRows(first.rows(), 0);
            if (first.next() >= file.size()) {
                if (own.length == 0) {
                    throw new IllegalArgumentException("has " + first.rows().length + " rows, fewer "
                            + "than the " + shard.count() + " shards that split them");
                }
                file.close();
                return new Feeder(spec, shard, own, first.next(), null, seed, windowBytes);
            }
            boolean inOrder = spec.strategy() == Strategy.SEQUENTIAL || spec.strategy() == Strategy.CIRCULAR;
            Feeder feeder = new Feeder(spec, shard, inOrder ? own : null, first.next(), file, seed,
                    windowBytes);
            if (!inOrder) {
                feeder.awaitFirstWindow();
            }
            return feeder;
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private void awaitFirstWindow() throws IOException {
        try {
            String[][] first = ahead.poll(60, TimeUnit.SECONDS);
            if (first == null || first == END) {
                throw new IOException(problem != null ? problem : "no window read within 60 s");
            }
            rows = first;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the first rows");
        }
    }

    FeederSpec spec() {
        return spec;
    }

    /** True once every row was used and the feeder does not wrap. */
    synchronized boolean ended() {
        return ended;
    }

    /** Why the reader stopped early (a malformed record, an I/O error), or null. */
    String problem() {
        return problem;
    }

    /** Up to {@value #BLOCK} rows, or {@link #WAIT} or {@link #END}. Any lane thread. */
    synchronized String[][] take() {
        if (ended) {
            return END;
        }
        if (spec.strategy() == Strategy.RANDOM) {
            return drawRandom();
        }
        if (position >= rows.length && !nextWindow()) {
            return ended ? END : WAIT;
        }
        int n = Math.min(BLOCK, rows.length - position);
        String[][] block = new String[n][];
        System.arraycopy(rows, position, block, 0, n);
        position += n;
        return block;
    }

    private String[][] drawRandom() {
        String[][] block = new String[BLOCK][];
        for (int i = 0; i < BLOCK; i++) {
            block[i] = rows[random.nextInt(rows.length)];
        }
        draws += BLOCK;
        if (!single && draws >= rows.length) {
            String[][] next = ahead.poll();
            if (next != null && next != END) {
                rows = next;
                draws = 0;
            }
        }
        return block;
    }

    /** Moves to the next window; false when there is none yet ({@link #ended} when none will come). */
    private boolean nextWindow() {
        if (single) {
            if (!spec.wrap()) {
                ended = true;
                return false;
            }
            if (spec.strategy() == Strategy.SHUFFLE) {
                shuffle(rows, random);
            }
            position = 0;
            return true;
        }
        String[][] next = ahead.poll();
        if (next == null) {
            return false;
        }
        if (next == END) {
            ended = true;
            return false;
        }
        rows = next;
        position = 0;
        return true;
    }

    /** The reader thread: puts windows in the strategy's order until it ends or is closed. */
    private void read(FeederFile file, long firstNext, int windowBytes, long seed) {
        SplittableRandom order = new SplittableRandom(seed);
        try (file) {
            if (spec.strategy() == Strategy.SEQUENTIAL || spec.strategy() == Strategy.CIRCULAR) {
                readInOrder(file, firstNext, windowBytes);
            } else {
                readShuffled(file, windowBytes, order);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            problem = "feeder " + spec.name() + ": reading " + spec.file() + " failed: " + e.getMessage();
            ahead.offer(END);
        }
    }

    private void readInOrder(FeederFile file, long offset, int windowBytes)
            throws IOException, InterruptedException {
        long size = file.size();
        long index = 1; // the first window came with open
        while (true) {
            if (offset >= size) {
                if (!spec.wrap()) {
                    ahead.put(END);
                    return;
                }
                offset = file.dataStart();
                index = 0;
            }
            FeederFile.Window window = file.window(offset, windowBytes);
            putOwn(shard.ownRows(window.rows(), index++));
            offset = window.next();
        }
    }

    private void readShuffled(FeederFile file, int windowBytes, SplittableRandom order)
            throws IOException, InterruptedException {
        long[] starts = file.windowStarts(windowBytes);
        boolean random = spec.strategy() == Strategy.RANDOM;
        int[] windows = new int[starts.length];
        while (true) {
            for (int i = 0; i < windows.length; i++) {
                windows[i] = random ? order.nextInt(starts.length) : i;
            }
            if (!random) {
                shuffle(windows, order);
            }
            for (int w : windows) {
                String[][] window = shard.ownRows(file.window(starts[w], windowBytes).rows(), w);
                if (!random) {
                    shuffle(window, order);
                }
                putOwn(window);
            }
            if (!random && !spec.wrap()) {
                ahead.put(END);
                return;
            }
        }
    }

    /** A window this shard has no rows of is skipped: the lanes never see an empty one. */
    private void putOwn(String[][] window) throws InterruptedException {
        if (window.length > 0) {
            ahead.put(window);
        }
    }

    private static void shuffle(Object[] items, SplittableRandom random) {
        for (int i = items.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Object t = items[i];
            items[i] = items[j];
            items[j] = t;
        }
    }

    private static void shuffle(int[] items, SplittableRandom random) {
        for (int i = items.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = items[i];
            items[i] = items[j];
            items[j] = t;
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.interrupt();
        }
    }
}
