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
    private VirtualThreads() {
    }

    /**
     * The one wording of why mode {@code virtual} cannot run here, e.g. {@code mode 'virtual'
     * needs Java 21 or newer; this JVM is 17}: the 501 body, the serve banner, skipped runs.
     */
    public static String unavailableMessage() {
        return "mode 'virtual' needs Java 21 or newer; this JVM is " + Runtime.version().feature();
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
