package io.apitune.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.apitune.ApituneException;

/**
 * Where a PostgreSQL server is and how to log in, parsed from
 * {@code postgresql://user:pass@host:port/db}. {@link #toString()} never shows the password.
 *
 * <p>Immutable; thread-safe.
 *
 * @param user     login role, not empty
 * @param password password, may be empty (trust authentication)
 * @param host     host name or address
 * @param port     TCP port, 1..65535 (5432 when the URL has none)
 * @param database database name, not empty
 */
public record DbUrl(String user, String password, String host, int port, String database) {
    private static final int DEFAULT_PORT = 5432;

    public DbUrl {
        ApituneException.require(port >= 1 && port <= 65535, "--db-url", "port " + port, "must be 1..65535");
    }

    /**
     * @param text e.g. {@code postgresql://bench:secret@127.0.0.1:5432/hello}
     * @throws ApituneException exit 2 naming {@code --db-url} (never the password) when malformed
     */
    public static DbUrl parse(String text) {
        String hint = "--db-url: expected postgresql://user:pass@host:port/db";
        if (text == null || !(text.startsWith("postgresql://") || text.startsWith("postgres://"))) {
            throw ApituneException.invalidInput(hint + ", got '" + redact(text) + "'");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw ApituneException.invalidInput(hint + ", got '" + redact(text) + "'");
        }
        String info = uri.getRawUserInfo();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || info == null || info.isEmpty() || path.isEmpty()) {
            throw ApituneException.invalidInput(hint + ", got '" + redact(text) + "'");
        }
        int colon = info.indexOf(':');
        String user = decode(colon < 0 ? info : info.substring(0, colon));
        String password = colon < 0 ? "" : decode(info.substring(colon + 1));
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new DbUrl(user, password, uri.getHost(), port, path);
    }

    /** The JDBC form, with timeouts so a dead server fails requests instead of hanging them. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database
                + "?connectTimeout=2&socketTimeout=10&tcpKeepAlive=true";
    }

    /** {@code postgresql://user@host:port/db}: safe to print. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    /** Drops everything between "://" and "@" so a password never reaches the terminal. */
    private static String redact(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceFirst("://[^@/]*@", "://***@");
    }
}
