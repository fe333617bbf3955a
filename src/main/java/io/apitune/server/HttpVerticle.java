package io.apitune.server;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * One HTTP server instance on its own event loop. Several instances bound to the same host and
 * port share the listening socket, Vert.x spreading connections over them.
 *
 * <p>Thread model: started and stopped by Vert.x on this verticle's event loop.
 */
final class HttpVerticle extends VerticleBase {
    private final Router router;
    private final String host;
    private final int port;
    private volatile HttpServer server;

    HttpVerticle(Router router, String host, int port) {
        this.router = router;
        this.host = host;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)
                .setCompressionSupported(false)).requestHandler(router);
        return server.listen(port, host);
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
