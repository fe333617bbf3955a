package io.apitune.load;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * The classes of failed (KO) requests apitune counts separately. A request is OK when it got a
 * 2xx or 3xx answer; anything else is KO and has exactly one of these classes.
 *
 * <p>Immutable; thread-safe.
 */
public enum ErrorKind {
    CONNECT("connect"),
    TIMEOUT("timeout"),
    STATUS_4XX("status4xx"),
    STATUS_5XX("status5xx"),
    /** A response that arrived but failed a response check (checks come with request mixes). */
    CHECK("check"),
    OTHER("other");

    private final String key;

    ErrorKind(String key) {
        this.key = key;
    }

    /** The key used in report.json ({@code status4xx}) and the console. */
    public String key() {
        return key;
    }

    /** True for the statuses of an OK answer: 2xx and 3xx. */
    public static boolean isOk(int status) {
        return status >= 200 && status < 400;
    }

    /** The error class of an HTTP status, or null when the answer is OK (2xx, 3xx). */
    public static ErrorKind ofStatus(int status) {
        if (status >= 500) {
            return STATUS_5XX;
        }
        if (status >= 400) {
            return STATUS_4XX;
        }
        return isOk(status) ? null : OTHER;
    }

    /** Classifies a transport failure by walking its cause chain. */
    public static ErrorKind ofThrowable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return CONNECT;
            }
        }
        // A connection the server closes before answering (the target died mid-request).
        if (failure instanceof ClosedChannelException) {
            return CONNECT;
        }
        return OTHER;
    }
}
