package io.apitune.report;

import java.net.URI;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.load.LoadConfig;
import io.apitune.load.LoadConfig.Header;
import io.apitune.server.ServerConfig;

/**
 * JSON forms of the run configuration for report.json: the {@code config} object (a
 * {@link LoadConfig}) and the {@code target.server} object (a {@link ServerConfig}, database
 * password never included).
 *
 * <p>Stateless; thread-safe.
 */
final class ConfigJson {
    private ConfigJson() {
    }

    static ObjectNode of(LoadConfig config) {
        ObjectNode node = ReportJson.MAPPER.createObjectNode();
        node.put("model", config.open() ? "open" : "closed");
        if (config.open()) {
            node.put("rate", config.ratePerSecond());
        } else {
            node.putNull("rate");
        }
        node.put("arrival", config.arrival().name().toLowerCase(Locale.ROOT));
        node.put("connections", config.connections());
        if (config.duration() == null) {
            node.putNull("durationSeconds");
            node.put("requests", config.requests());
        } else {
            node.put("durationSeconds", config.duration().toNanos() / 1e9);
            node.putNull("requests");
        }
        node.put("warmupSeconds", config.warmup().toNanos() / 1e9);
        node.put("rampUpSeconds", config.rampUp().toNanos() / 1e9);
        node.put("timeoutSeconds", config.timeout().toNanos() / 1e9);
        node.put("method", config.request().method());
        ArrayNode headers = node.putArray("headers");
        for (Header h : config.request().headers()) {
            headers.add(h.name() + ": " + h.value());
        }
        node.put("bodyBytes", config.request().body() == null ? 0 : config.request().body().length);
        node.put("keys", config.keys().count());
        node.put("keyDistribution", keyDistribution(config.keys()));
        return node;
    }

    static String keyDistribution(LoadConfig.KeySpace keys) {
        if (keys.distribution() == LoadConfig.KeySpace.Distribution.UNIFORM) {
            return "uniform";
        }
        return "zipf:" + keys.zipfExponent();
    }

    static ObjectNode of(ServerConfig server) {
        ObjectNode node = ReportJson.MAPPER.createObjectNode();
        node.put("host", server.host());
        node.put("port", server.port());
        node.put("backendLatencySeconds", server.backendLatency().toNanos() / 1e9);
        node.put("jitterSeconds", server.jitter().toNanos() / 1e9);
        node.put("workers", server.workers());
        node.put("queue", server.queue());
        node.put("cacheSize", server.cacheSize());
        node.put("cacheTtlSeconds", server.cacheTtl().toNanos() / 1e9);
        if (server.dbUrl() == null) {
            node.put("db", "embedded");
        } else {
            node.put("db", withoutPassword(server.dbUrl()));
        }
        node.put("dbPool", server.dbPool());
        node.put("database", server.database());
        return node;
    }

    /** The URL with any {@code user:password@} reduced to {@code user@}. */
    static String withoutPassword(String url) {
        try {
            URI uri = new URI(url);
            String userInfo = uri.getRawUserInfo();
            if (userInfo == null || !userInfo.contains(":")) {
                return url;
            }
            String user = userInfo.substring(0, userInfo.indexOf(':'));
            return url.replace(userInfo + "@", user + "@");
        } catch (Exception e) {
            return "(external database)";
        }
    }
}
