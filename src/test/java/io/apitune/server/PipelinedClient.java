package io.apitune.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A raw-socket HTTP/1.1 client that writes every request at once on one connection (from its
 * own thread, so a server that stops reading cannot dead-lock it) and reads the answers in the
 * order they come. Understands only what the reference server sends: a status line, headers,
 * and a {@code Content-Length} body.
 *
 * <p>Not thread-safe: one call at a time.
 */
public final class PipelinedClient {
    /** One answer: its status and body. */
    public record Answer(int status, String body) {
    }

    private PipelinedClient() {
    }

    /**
     * Sends {@code paths} as pipelined GETs on {@code socket} and reads as many answers, or
     * fewer when the server closes the connection first. Closes the socket.
     */
    public static List<Answer> send(Socket socket, List<String> paths) throws IOException {
        StringBuilder requests = new StringBuilder();
        for (String path : paths) {
            requests.append("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        }
        byte[] bytes = requests.toString().getBytes(StandardCharsets.US_ASCII);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // The reader sees the closed connection and reports fewer answers.
            }
        });
        List<Answer> answers = new ArrayList<>(paths.size());
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            while (answers.size() < paths.size()) {
                Answer answer = read(in);
                if (answer == null) {
                    break;
                }
                answers.add(answer);
            }
        } catch (java.net.SocketException e) {
            // Reset by the server: the answers so far are the result.
        }
        writer.join();
        return answers;
    }

    /** The next answer, or null at the end of the stream. */
    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return null;
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = 0;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Answer(status, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String text = buffer.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            buffer.write(b);
        }
        return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.US_ASCII);
    }
}
