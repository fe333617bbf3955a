package io.apitune.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.apitune.load.LoadConfig.Header;

/**
 * One lane's source of requests: picks the next request of the mix by weight, takes a row from
 * each feeder its templates read, and renders its URL, headers and body into an
 * {@link Outgoing}. The pick is a smooth weighted round robin (nginx's): over every
 * {@code sum(weights)} picks each request gets exactly its weight, evenly interleaved, so the
 * weights hold in any window of the run, not only on average. A request that must wait for a
 * feeder's row keeps its pick and the rows it already took.
 *
 * <p>Thread model: one lane thread; the sequence counter is shared by the run's lanes.
 */
final class LaneTraffic implements Template.Values {
    /** The request is ready to send. */
    static final int READY = 0;
    /** A feeder has no row ready yet: try again shortly. */
    static final int WAIT = 1;
    /** A feeder that stops the run has no rows left: send no more. */
    static final int END = 2;

    private final CompiledRequest[] requests;
    private final double[] weights;
    private final double[] current;
    private final double totalWeight;
    private final KeyChooser keys;
    private final AtomicLong sequence;
    private final Shard shard;
    private final FeederCursor[] cursors;
    /** The row taken from each feeder for the request being prepared, or null. */
    private final String[][] rows;
    private final StringBuilder text = new StringBuilder(256);
    private int pending = -1;
    private boolean keyDrawn;
    private long key;
    private boolean seqDrawn;
    private long seq;
    private String uuid;

    /**
     * @param weights  per request (ignored for one request)
     * @param sequence the run's {@code ${seq}} counter, shared by its lanes
     * @param shard    this generator's shard: its {@code ${seq}} values are the whole run's
     *                 {@code index + 1 + count * j}, so no two shards send the same one
     * @param feeders  the run's feeders, by index
     */
    LaneTraffic(RequestTemplate template, double[] weights, KeyChooser keys, AtomicLong sequence,
            Shard shard, List<Feeder> feeders) {
        this.requests = template.compiled();
        this.weights = weights.clone();
        this.current = new double[weights.length];
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        this.totalWeight = total;
        this.keys = keys;
        this.sequence = sequence;
        this.shard = shard;
        this.cursors = feeders.stream().map(FeederCursor::new).toArray(FeederCursor[]::new);
        this.rows = new String[feeders.size()][];
    }

    /** Prepares the next request into {@code out}: {@link #READY}, {@link #WAIT} or {@link #END}. */
    int prepare(Outgoing out) {
        int index = pending >= 0 ? pending : pick();
        CompiledRequest request = requests[index];
        for (int f : request.feeders) {
            if (rows[f] == null) {
                String[] row = cursors[f].next();
                if (row == FeederCursor.WAIT || row == FeederCursor.END) {
                    pending = index;
                    return row == FeederCursor.END ? END : WAIT;
                }
                rows[f] = row;
            }
        }
        pending = -1;
        out.request = index;
        out.wantsHeaders = request.wantsHeaders();
        out.wantsBody = request.wantsBody();
        out.rendered = !request.constant;
        if (out.rendered) {
            render(request, out);
        }
        for (int f : request.feeders) {
            rows[f] = null;
        }
        return READY;
    }

    private int pick() {
        if (requests.length == 1) {
            return 0;
        }
        int best = 0;
        for (int i = 0; i < current.length; i++) {
            current[i] += weights[i];
            if (current[i] > current[best]) {
                best = i;
            }
        }
        current[best] -= totalWeight;
        return best;
    }

    private void render(CompiledRequest request, Outgoing out) {
        keyDrawn = false;
        seqDrawn = false;
        uuid = null;
        out.method = request.method;
        text.setLength(0);
        request.url.render(text, this, true);
        out.url = text.toString();
        if (request.constantHeaders != null) {
            out.headers = request.constantHeaders;
        } else {
            List<Header> headers = new ArrayList<>(request.headerNames.length);
            for (int i = 0; i < request.headerNames.length; i++) {
                text.setLength(0);
                request.headerValues[i].render(text, this, false);
                headers.add(new Header(request.headerNames[i], text.toString()));
            }
            out.headers = headers;
        }
        if (request.body == null) {
            out.body = request.constantBody;
        } else {
            text.setLength(0);
            request.body.render(text, this, false);
            out.body = text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public long key() {
        if (!keyDrawn) {
            key = keys.next();
            keyDrawn = true;
        }
        return key;
    }

    @Override
    public long seq() {
        if (!seqDrawn) {
            seq = (sequence.incrementAndGet() - 1) * shard.count() + shard.index() + 1;
            seqDrawn = true;
        }
        return seq;
    }

    @Override
    public String uuid() {
        if (uuid == null) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            uuid = uuid(random.nextLong(), random.nextLong());
        }
        return uuid;
    }

    @Override
    public String column(int feeder, int column) {
        return rows[feeder][column];
    }

    /** A version 4 (random), variant 2 UUID in its canonical text form. */
    static String uuid(long high, long low) {
        long msb = (high & ~0xF000L) | 0x4000L;
        long lsb = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(msb, lsb).toString();
    }
}
