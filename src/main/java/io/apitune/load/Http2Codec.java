package io.apitune.load;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.AbstractHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.DefaultHttp2Connection;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameListener;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;

/**
 * Netty's HTTP/2 connection handler as a load generator's client uses it: one per
 * {@link Http2Connection}, no child channels, settings like h2load's (windows of 2^30-1 bytes
 * per stream and per connection, so a large answer is never throttled by the client; no server
 * push), and the causes of connection and stream errors handed to the connection so that a
 * request fails with what went wrong, not only "closed".
 *
 * <p>Thread model: its channel's event loop (the lane's thread) only.
 */
final class Http2Codec extends Http2ConnectionHandler {
    /** h2load's default window, per stream and per connection: 2^30 - 1 bytes. */
    static final int WINDOW_BYTES = (1 << 30) - 1;
    /** The largest answer header block accepted: 64 KiB (Netty's default is 8 KiB). */
    private static final long MAX_HEADER_LIST_BYTES = 64 * 1024;

    /** Where errors are told; set once, before the codec handles anything. */
    interface Errors {
        /** The connection failed with {@code cause}; it closes next. */
        void connectionError(Throwable cause);

        /** Stream {@code streamId} failed with {@code cause}; it is reset next. */
        void streamError(int streamId, Throwable cause);
    }

    private final Errors errors;

    private Http2Codec(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder,
            Http2Settings settings, Errors errors) {
        super(decoder, encoder, settings);
        this.errors = errors;
    }

    /** A client codec that tells {@code listener} the frames and {@code errors} the failures. */
    static Http2Codec client(Http2FrameListener listener, Errors errors,
            io.netty.handler.codec.http2.Http2Connection.Listener streams) {
        DefaultHttp2Connection connection = new DefaultHttp2Connection(false);
        Http2Codec codec = new Builder(errors).make(listener, connection);
        // After the codec's own listeners (flow control): a closed stream is fully closed in
        // Netty before the call's outcome, and the next request, go out.
        connection.addListener(streams);
        return codec;
    }

    /** Widens the connection's receive window to {@link #WINDOW_BYTES}: after the preface. */
    void widenConnectionWindow() throws Http2Exception {
        Http2Stream connectionStream = connection().connectionStream();
        int now = connection().local().flowController().windowSize(connectionStream);
        if (now < WINDOW_BYTES) {
            connection().local().flowController().incrementWindowSize(connectionStream,
                    WINDOW_BYTES - now);
        }
    }

    @Override
    protected void onConnectionError(ChannelHandlerContext ctx, boolean outbound, Throwable cause,
            Http2Exception http2Ex) {
        errors.connectionError(cause);
        super.onConnectionError(ctx, outbound, cause, http2Ex);
    }

    @Override
    protected void onStreamError(ChannelHandlerContext ctx, boolean outbound, Throwable cause,
            Http2Exception.StreamException http2Ex) {
        errors.streamError(http2Ex.streamId(), cause);
        super.onStreamError(ctx, outbound, cause, http2Ex);
    }

    private static final class Builder extends AbstractHttp2ConnectionHandlerBuilder<Http2Codec, Builder> {
        private final Errors errors;

        Builder(Errors errors) {
            this.errors = errors;
        }

        @Override
        protected Http2Codec build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder,
                Http2Settings settings) {
            return new Http2Codec(decoder, encoder, settings, errors);
        }

        /** The builder's setters are protected: they are called here, in the subclass. */
        Http2Codec make(Http2FrameListener listener, DefaultHttp2Connection connection) {
            return connection(connection).frameListener(listener)
                    .initialSettings(new Http2Settings().pushEnabled(false).maxConcurrentStreams(0)
                            .initialWindowSize(WINDOW_BYTES).maxHeaderListSize(MAX_HEADER_LIST_BYTES))
                    .validateHeaders(false)
                    // A client that resets the streams it timed out, or a server that refuses
                    // many, is measured, not defended against: no cap on RST_STREAM frames.
                    .decoderEnforceMaxRstFramesPerWindow(0, 0)
                    .encoderEnforceMaxRstFramesPerWindow(0, 0)
                    .gracefulShutdownTimeoutMillis(0)
                    .build();
        }
    }
}
