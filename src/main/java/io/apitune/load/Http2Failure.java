package io.apitune.load;

import io.netty.handler.codec.http2.Http2Error;

/**
 * Why an HTTP/2 request got no answer, when the server said so: each a one-line message for the
 * run's error counts and the probe's failure.
 *
 * <p>Immutable exceptions; any thread.
 */
final class Http2Failure {
    private Http2Failure() {
    }

    /** The server reset a stream (RST_STREAM). */
    static final class StreamReset extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        StreamReset(int streamId, long errorCode) {
            super("the server reset stream " + streamId + " ("
                    + describe(errorCode) + ")");
        }
    }

    /** The server sent GOAWAY: streams above its last stream id were not processed. */
    static final class GoAway extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        GoAway(int lastStreamId, long errorCode) {
            super("the server sent GOAWAY (" + describe(errorCode) + ", last stream " + lastStreamId + ")");
        }
    }

    /** The server does not speak HTTP/2 (ALPN chose something else, or it answered HTTP/1.x). */
    static final class NotHttp2 extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        NotHttp2(String asked) {
            super("answered HTTP/1.1 where HTTP/2 (" + asked + ") was asked; without --http2 it is "
                    + "measured over HTTP/1.1");
        }
    }

    private static String describe(long errorCode) {
        Http2Error error = Http2Error.valueOf(errorCode);
        return error == null ? "error " + errorCode : error.name();
    }
}
