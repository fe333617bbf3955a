package io.apitune.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;

import io.apitune.ApituneException;

/**
 * What {@link ReferenceServer#start} checks before it has any side effect (no database started,
 * no socket bound): the host is an address of this machine, the TLS files are usable, the port
 * is free. Invalid input is exit 2; a busy port is exit 3, because the same command succeeds once
 * the other process has gone.
 *
 * <p>Stateless; thread-safe; may block briefly on a host-name lookup.
 */
final class StartChecks {
    private StartChecks() {
    }

    /** @return the TLS material the server will use, or null for cleartext */
    static TlsMaterial run(ServerConfig config) {
        InetAddress address = localAddress(config.host());
        TlsMaterial tls = TlsMaterial.of(config.network(), config.host());
        failIfPortBusy(address, config);
        return tls;
    }

    /** The bind address, or exit 2 when it is malformed, unknown or not on this machine. */
    static InetAddress localAddress(String host) {
        String literal = host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1) : host;
        if (literal.isBlank()) {
            throw ApituneException.invalidInput("--host: must not be empty");
        }
        if (literal.matches("[0-9.]+") && !isIpv4Literal(literal)) {
            throw ApituneException.invalidInput("--host: '" + host + "' is not an IPv4 address "
                    + "(four numbers 0..255, e.g. 127.0.0.1)");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw ApituneException.invalidInput("--host: cannot resolve '" + host + "'");
        }
        if (!isOnThisMachine(address)) {
            throw ApituneException.invalidInput("--host: " + host + " (" + address.getHostAddress()
                    + ") is not an address of this machine");
        }
        return address;
    }

    /** True for a dotted quad or an IPv6 literal, which name no host to look up. */
    static boolean isIpLiteral(String name) {
        return name.contains(":") || isIpv4Literal(name);
    }

    private static boolean isIpv4Literal(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOnThisMachine(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true; // Cannot tell: let the real bind decide.
        }
    }

    /**
     * Exit 3 when another process listens on the port (port 0 is always free); exit 2 when the
     * port may not be bound at all (e.g. below 1024 without the right to).
     */
    private static void failIfPortBusy(InetAddress address, ServerConfig config) {
        if (config.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, config.port()));
        } catch (BindException e) {
            if (String.valueOf(e.getMessage()).contains("in use")) {
                throw portInUse(config, e);
            }
            throw ApituneException.invalidInput("--port: cannot bind " + config.host() + ":"
                    + config.port() + ": " + e.getMessage());
        } catch (IOException e) {
            // Anything else surfaces with its own message at the real bind.
        }
    }

    static ApituneException portInUse(ServerConfig config, Throwable cause) {
        return ApituneException.targetFailure("port " + config.port() + " on " + config.host()
                + " is already in use", cause);
    }
}
