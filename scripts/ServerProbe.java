import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Probes an HTTP server on loopback for scripts/serve-faults.sh; run it with
 * {@code java scripts/ServerProbe.java MODE ...} (Java 17+, no dependencies).
 *
 * <pre>
 * pipeline PORT DEPTH       DEPTH pipelined GET /cached/item/i on one connection; prints how
 *                           many answers came back, whether their ids were in order, seconds
 * slow PORT COUNT HOLD_S    COUNT connections that send half a request head and stop; holds
 *                           them HOLD_S seconds; prints how many the server closed, once a second
 * </pre>
 *
 * Loopback only; every loop is bounded by its count and time.
 */
public final class ServerProbe {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ServerProbe pipeline PORT DEPTH | slow PORT COUNT HOLD_SECONDS");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "pipeline" -> pipeline(port, Integer.parseInt(args[2]));
            case "slow" -> slow(port, Integer.parseInt(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : 30);
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void pipeline(int port, int depth) throws Exception {
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            requests.append("GET /cached/item/").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        byte[] bytes = requests.toString().getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        int answered = 0;
        boolean inOrder = true;
        try (Socket socket = new Socket(HOST, port)) {
            socket.setSoTimeout(30_000);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(bytes);
                    out.flush();
                } catch (IOException e) {
                    // The reader reports how far the server got.
                }
            });
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            try {
                for (; answered < depth; answered++) {
                    String body = readAnswer(in);
                    if (body == null) {
                        break;
                    }
                    inOrder &= body.startsWith("{\"id\":" + answered + ",");
                }
            } catch (IOException e) {
                // Closed or reset: report what came back.
            }
            writer.cancel(true);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "pipeline depth %d: %d answered, %s, %.2f s (%.0f answers/s)%n",
                depth, answered, inOrder ? "in order" : "OUT OF ORDER", seconds, answered / seconds);
    }

    /** The body of the next answer, or null at the end of the stream. */
    private static String readAnswer(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            return null;
        }
        int length = 0;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                return text.toString().strip();
            }
            text.append((char) b);
        }
        return text.length() == 0 ? null : text.toString();
    }

    private static void slow(int port, int count, int holdSeconds) throws Exception {
        List<SocketChannel> channels = new ArrayList<>(count);
        try (Selector selector = Selector.open()) {
            long start = System.nanoTime();
            ByteBuffer half = ByteBuffer.wrap("GET /json HTTP/1.1\r\nHost: x\r\nX-Slow: "
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress(HOST, port));
                channel.write(half.duplicate());
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
                channels.add(channel);
            }
            System.out.printf(Locale.ROOT, "slow: %d half-open connections open after %.1f s%n",
                    count, (System.nanoTime() - start) / 1e9);
            int closed = watch(selector, count, start, holdSeconds);
            System.out.printf(Locale.ROOT, "slow: %d of %d closed by the server after %.1f s%n",
                    closed, count, (System.nanoTime() - start) / 1e9);
        } finally {
            for (SocketChannel channel : channels) {
                channel.close();
            }
        }
    }

    /** Counts connections the server closes, reporting once a second, for at most holdSeconds. */
    private static int watch(Selector selector, int count, long start, int holdSeconds)
            throws IOException {
        int closed = 0;
        ByteBuffer sink = ByteBuffer.allocate(4096);
        long end = System.nanoTime() + holdSeconds * 1_000_000_000L;
        long nextReport = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < end && closed < count) {
            selector.select(200);
            for (SelectionKey key : selector.selectedKeys()) {
                int n;
                try {
                    sink.clear();
                    n = ((SocketChannel) key.channel()).read(sink);
                } catch (IOException e) {
                    n = -1;
                }
                if (n < 0) {
                    key.cancel();
                    closed++;
                }
            }
            selector.selectedKeys().clear();
            if (System.nanoTime() >= nextReport) {
                System.out.printf(Locale.ROOT, "slow: t=%.0f s, %d of %d closed by the server%n",
                        (System.nanoTime() - start) / 1e9, closed, count);
                nextReport += 1_000_000_000L;
            }
        }
        return closed;
    }
}
