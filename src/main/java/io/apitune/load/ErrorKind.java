package io.apitune.load;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/** The classes of failed requests apitune counts separately. */
public enum ErrorKind {
    CONNECT("connect"),
    TIMEOUT("timeout"),
    STATUS_4XX("status4xx"),
    STATUS_5XX("status5xx"),
    OTHER("other");

    private final String key;

    ErrorKind(String key) {
        this.key = key;
    }

    /** The key used in report.json ({@code status4xx}) and the console. */
    public String key() {
        return key;
    }

    /** The error class of an HTTP status, or null when the status is not an error (< 400). */
    public static ErrorKind ofStatus(int status) {
        if (status >= 500) {
            return STATUS_5XX;
        }
        return status >= 400 ? STATUS_4XX : null;
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
