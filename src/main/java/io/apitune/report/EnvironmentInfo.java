package io.apitune.report;

import java.net.InetAddress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.Version;

/**
 * The {@code environment} object of report.json: apitune version, JVM, OS, cores, heap, host.
 *
 * <p>Stateless; thread-safe.
 */
public final class EnvironmentInfo {
    private EnvironmentInfo() {
    }

    public static ObjectNode json() {
        ObjectNode node = ReportJson.MAPPER.createObjectNode();
        node.put("apitune", Version.get());
        node.put("jvm", Runtime.version().toString());
        node.put("jvmVendor", System.getProperty("java.vendor"));
        node.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        node.put("cores", Runtime.getRuntime().availableProcessors());
        node.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        node.put("hostname", hostname());
        return node;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
