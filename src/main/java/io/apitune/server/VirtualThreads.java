package io.apitune.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Finds {@code Executors.newVirtualThreadPerTaskExecutor()} by reflection, so the code compiles
 * for Java 17 and uses virtual threads when it runs on 21 or newer.
 *
 * <p>Stateless; thread-safe.
 */
public final class VirtualThreads {
    /** The 501 message on JVMs without virtual threads. */
    public static final String UNAVAILABLE = "mode 'virtual' needs Java 21 or newer; this JVM is "
            + Runtime.version().feature();

    private VirtualThreads() {
    }

    /** True when this JVM has virtual threads (feature version >= 21). */
    public static boolean supported() {
        return Runtime.version().feature() >= 21;
    }

    /** A new virtual-thread-per-task executor, or null on JVMs before 21. */
    public static ExecutorService newPerTaskExecutor() {
        if (!supported()) {
            return null;
        }
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                    .invoke(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
