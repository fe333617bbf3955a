package io.apitune.server;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.ext.web.Router;

/**
 * One HTTP server instance on its own event loop. Several instances bound to the same host and
 * port share the listening socket, Vert.x spreading connections over them. Each speaks HTTP/1.1
 * and h2c (prior knowledge and upgrade) in cleartext, or h2 and HTTP/1.1 through ALPN with TLS;
 * counts requests per protocol; and bounds how long a connection may take to send a request
 * head and how long it may stay idle.
 *
 * <p>Timeouts: Vert.x starts every connection with an idle timer of {@code header-timeout}, so
 * a client must complete its first request head (or HTTP/2 preface) that soon after connecting.
 * Once the connection is handed to the server, that timer is replaced by the real
 * {@code idle-timeout}, and {@link HeaderTimeout} bounds each later HTTP/1.x head.
 *
 * <p>Thread model: started and stopped by Vert.x on this verticle's event loop; the connection
 * and request handlers run on that loop.
 */
final class HttpVerticle extends VerticleBase {
    private static final String IDLE = "idle";
    private final Router router;
    private final String host;
    private final int port;
    private final NetworkConfig network;
    private final TlsMaterial tls;
    private final ProtocolStats protocols;
    private final ConnectionErrors errors;
    private volatile HttpServer server;

    HttpVerticle(Router router, String host, int port, NetworkConfig network, TlsMaterial tls,
            ProtocolStats protocols, ConnectionErrors errors) {
        this.router = router;
        this.host = host;
        this.port = port;
        this.network = network;
        this.tls = tls;
        this.protocols = protocols;
        this.errors = errors;
    }

    @Override
    public Future<?> start() {
        server = vertx.createHttpServer(options(network, tls))
                .requestHandler(request -> {
                    protocols.count(request);
                    router.handle(request);
                })
                .connectionHandler(this::guard)
                .exceptionHandler(errors);
        return server.listen(port, host);
    }

    static HttpServerOptions options(NetworkConfig network, TlsMaterial tls) {
        HttpServerOptions options = new HttpServerOptions().setTcpNoDelay(true)
                .setCompressionSupported(false)
                // With WebSocket compression on (Vert.x's default) every HTTP/1.x connection
                // gets Netty's WebSocketServerExtensionHandler, which closes a connection that
                // pipelines more than 128 requests. The server has no WebSocket endpoint.
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                .setHttp2ClearTextEnabled(true);
        long firstMillis = network.headerTimeout().isZero() ? network.idleTimeout().toMillis()
                : network.headerTimeout().toMillis();
        if (firstMillis > 0) {
            options.setIdleTimeout((int) Math.min(Integer.MAX_VALUE, firstMillis))
                    .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        }
        if (tls != null) {
            options.setSsl(true).setUseAlpn(true).setKeyCertOptions(tls.keyCertOptions());
            if (!network.headerTimeout().isZero()) {
                options.setSslHandshakeTimeout(network.headerTimeout().toMillis())
                        .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
            }
        }
        return options;
    }

    /** Swaps the first-head timer for the idle timer and bounds the later heads. */
    private void guard(HttpConnection connection) {
        if (network.headerTimeout().isZero()
                || !(connection instanceof HttpServerConnection internal)) {
            return;
        }
        ChannelPipeline pipeline = internal.channelHandlerContext().pipeline();
        if (pipeline.get(IDLE) != null) {
            long idleMillis = network.idleTimeout().toMillis();
            if (idleMillis > 0) {
                pipeline.replace(IDLE, IDLE,
                        new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
            } else {
                pipeline.remove(IDLE);
            }
        }
        // A cleartext HTTP/1.x connection is handed over once its first head is decoded (the
        // server first looks for an h2c upgrade); a TLS one right after the handshake.
        HeaderTimeout.install(pipeline, network.headerTimeout().toNanos(), !connection.isSsl());
    }

    int actualPort() {
        return server.actualPort();
    }

    /** Stops accepting and waits for in-flight requests for at most {@code timeoutMillis}. */
    Future<Void> shutdown(long timeoutMillis) {
        HttpServer current = server;
        return current == null ? Future.succeededFuture()
                : current.shutdown(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
