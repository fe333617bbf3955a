package io.apitune.load;

import java.time.Duration;

import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.Dsl;

/**
 * The one AsyncHttpClient configuration apitune measures with: no silent retries, no cookie
 * store, keep-alive, Netty's native epoll transport where available, and a connection cap.
 *
 * <p>Stateless; thread-safe.
 */
public final class HttpClients {
    private HttpClients() {
    }

    /**
     * A new client; the caller closes it.
     *
     * @param connections   maximum connections (total and per host), >= 1
     * @param timeoutMillis connect, read and request timeout, >= 1
     */
    public static AsyncHttpClient create(int connections, int timeoutMillis) {
        DefaultAsyncHttpClientConfig.Builder config = Dsl.config()
                .setMaxRequestRetry(0)
                .setKeepAlive(true)
                .setCookieStore(null)
                .setFollowRedirect(false)
                .setCompressionEnforced(false)
                // The body is discarded: no decompressor in the pipeline, no header re-validation.
                .setEnableAutomaticDecompression(false)
                .setValidateResponseHeaders(false)
                .setMaxConnections(connections)
                .setMaxConnectionsPerHost(connections)
                // Safety net only: apitune never has more than `connections` requests in flight,
                // but a failed connection's permit can be returned a moment after its callback.
                .setAcquireFreeChannelTimeout(Math.min(timeoutMillis, 1_000))
                .setConnectTimeout(Duration.ofMillis(timeoutMillis))
                .setReadTimeout(Duration.ofMillis(timeoutMillis))
                .setRequestTimeout(Duration.ofMillis(timeoutMillis))
                .setPooledConnectionIdleTimeout(Duration.ofMinutes(5))
                .setUseInsecureTrustManager(true)
                .setThreadPoolName("apitune-http")
                // One I/O thread per core (Netty's default is two): fewer cross-thread wake-ups
                // when a completion on one event loop sends on a connection of another.
                .setIoThreadsCount(Runtime.getRuntime().availableProcessors())
                // Netty's default 2 s quiet period would delay every exit; nothing is in flight.
                .setShutdownQuietPeriod(Duration.ZERO)
                .setShutdownTimeout(Duration.ofSeconds(1))
                .setUseNativeTransport(nativeTransportAvailable());
        return Dsl.asyncHttpClient(config);
    }

    /** True when Netty's epoll transport can be loaded on this machine. */
    public static boolean nativeTransportAvailable() {
        try {
            // Reflection: the epoll classes are a runtime dependency only.
            Class<?> epoll = Class.forName("io.netty.channel.epoll.Epoll");
            return (Boolean) epoll.getMethod("isAvailable").invoke(null);
        } catch (Throwable notOnThisPlatform) {
            return false;
        }
    }
}
