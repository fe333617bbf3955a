package io.apitune.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.apitune.ApituneException;

/**
 * The reachability check before a run: one request, not measured, and any HTTP answer will do.
 *
 * <p>Stateless; called by the generator's thread, which waits; the request runs on a lane.
 */
final class TargetProbe {
    private TargetProbe() {
    }

    /** @throws ApituneException exit 3 when the target cannot be reached within the timeout */
    static void probe(Transport.Lane lane, String url, Duration timeout) {
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        Transport.Call call = lane.newCall(new Transport.Outcome() {
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
            throw ApituneException.targetFailure("target " + url + " is unreachable: "
                    + describe(cause), cause);
        } catch (TimeoutException e) {
            lane.execute(() -> call.abort(e));
            throw ApituneException.targetFailure("target " + url + " did not answer within "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApituneException.targetFailure("interrupted while probing " + url, e);
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
