package io.apitune.report.model;

import java.net.InetAddress;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.apitune.Version;

/**
 * Where a report was made ({@code environment} in report.json): apitune version, JVM, OS, cores,
 * heap, host.
 *
 * @param note why this environment is recorded when it is not the generator's (merged reports)
 */
public record EnvironmentInfo(String apitune, String jvm, String jvmVendor, String os, int cores,
        long maxHeapMb, String hostname, @JsonInclude(Include.NON_NULL) String note) {

    /** This process's environment. */
    public static EnvironmentInfo current() {
        return new EnvironmentInfo(Version.get(), Runtime.version().toString(),
                System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), localHostname(), null);
    }

    public EnvironmentInfo withNote(String text) {
        return new EnvironmentInfo(apitune, jvm, jvmVendor, os, cores, maxHeapMb, hostname, text);
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
