package io.apitune.load;

import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import io.apitune.ApituneException;
import io.apitune.Problems;

/**
 * The reachability check before a run: one request, not measured, and any HTTP answer will do.
 * Its answer also tells the transport what the server negotiated ({@link Transport.Lane#newProbe}).
 *
 * <p>Stateless; called by the generator's thread, which waits; the request runs on a lane.
 */
final class TargetProbe {
    private TargetProbe() {
    }

    /**
     * @param over how the request went, for messages: e.g. {@code " over h2c"}, or empty
     * @throws ApituneException exit 3 when the target cannot be reached within the timeout
     */
    static void probe(Transport.Lane lane, String url, Duration timeout, String over) {
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        Transport.Call call = lane.newProbe(new Transport.Outcome() {
            @Override
            public void completed(int status, Transport.Response response, long doneNanos) {
                answer.complete(status);
            }

            @Override
            public void failed(Throwable cause, long doneNanos) {
                answer.completeExceptionally(cause);
            }
        });
        lane.execute(() -> call.send(Outgoing.get(url)));
        try {
            answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw ApituneException.targetFailure(failure(url, over, cause), cause);
        } catch (TimeoutException e) {
            lane.execute(() -> call.abort(e));
            throw ApituneException.targetFailure("target " + url + " did not answer" + over
                    + " within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApituneException.targetFailure("interrupted while probing " + url, e);
        }
    }

    /** One line: an untrusted certificate says how to trust it; anything else says unreachable. */
    private static String failure(String url, String over, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Http2Failure.NotHttp2) {
                return "target " + url + " " + t.getMessage();
            }
            if (t instanceof SSLHandshakeException || t instanceof CertificateException) {
                return "target " + url + ": TLS certificate not trusted (" + Problems.rootMessage(t)
                        + "); trust its CA with --cacert FILE, or skip verification with --insecure";
            }
        }
        return "target " + url + " is unreachable" + over + ": " + Problems.message(cause);
    }
}
