package io.apitune.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AsciiString;
import io.netty.util.collection.IntObjectHashMap;

/**
 * One HTTP/2 connection of an {@link Http2Slot}: a channel with Netty's HTTP/2 codec
 * ({@link Http2Codec}) and no child channels: each request is a stream of this connection, mapped
 * to its {@link Http2Call} by stream id. h2c speaks with prior knowledge (the preface goes out as
 * the connection opens); h2 adds the codec once TLS is up and ALPN chose h2, and fails with
 * {@link Http2Failure.NotHttp2} otherwise. This handler sits last in the pipeline.
 *
 * <p>A call's outcome is delivered when the codec closes its stream (its count of active streams
 * already lowered), so the driver's next request, sent from inside that outcome, fits within the
 * server's stream limit. Writes are flushed once per run of lane tasks or per read
 * ({@link FlushConsolidationHandler}), not once per request.
 *
 * <p>Thread model: its lane's thread only.
 */
final class Http2Connection extends ChannelInboundHandlerAdapter implements Http2Codec.Errors {
    /** Flushes merged into one write at most: 64 requests' HEADERS are a few KB, one segment. */
    private static final int FLUSHES_PER_WRITE = 64;

    private final Http2Slot slot;
    private final Http2Requests requests;
    private final SslContext tls;
    private final Http2Codec codec;
    /** The streams in flight and their calls. */
    private final IntObjectHashMap<Http2Call> streams = new IntObjectHashMap<>();
    private Channel channel;
    private ChannelHandlerContext codecContext;
    /** Set once a GOAWAY arrived or stream ids ran out: no new streams here. */
    private boolean draining;
    /** Why the connection failed, once it did; streams closed by that failure fail with it. */
    private Throwable failure;

    Http2Connection(Http2Slot slot, Http2Requests requests, SslContext tls) {
        this.slot = slot;
        this.requests = requests;
        this.tls = tls;
        this.codec = Http2Codec.client(new Frames(), this, new Streams());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        if (tls != null) {
            ctx.pipeline().addFirst("tls", tls.newHandler(channel.alloc(), slot.host(), slot.port()));
        } else {
            addCodec(ctx);
        }
    }

    private void addCodec(ChannelHandlerContext ctx) {
        ctx.pipeline().addBefore(ctx.name(), "flush", new FlushConsolidationHandler(FLUSHES_PER_WRITE, true));
        ctx.pipeline().addBefore(ctx.name(), "h2", codec);
        codecContext = ctx.pipeline().context(codec);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        super.channelActive(ctx);
        if (tls == null) {
            ready();
        }
    }

    /** The codec is in place and its preface sent: widen the window, take requests. */
    private void ready() throws Exception {
        codec.widenConnectionWindow();
        codec.flush(codecContext);
        slot.ready(this);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent done) {
            if (!done.isSuccess()) {
                connectionError(done.cause());
                ctx.close();
                return;
            }
            String chosen = ctx.pipeline().get(SslHandler.class).applicationProtocol();
            if (!"h2".equals(chosen)) {
                connectionError(new Http2Failure.NotHttp2("h2"));
                ctx.close();
                return;
            }
            addCodec(ctx);
            ready();
        }
        super.userEventTriggered(ctx, event);
    }

    /** True while new streams may start here (open, no GOAWAY, below the server's limit). */
    boolean acceptsStreams() {
        return !draining && channel.isActive() && codec.connection().local().canOpenStream();
    }

    /** True while this connection may carry new streams once some close. */
    boolean open() {
        return !draining && channel != null && channel.isActive();
    }

    /**
     * Starts {@code call}'s request as a new stream; false (nothing sent) when the stream ids
     * have run out, and the connection drains.
     */
    boolean start(Http2Call call, Outgoing request) {
        int id = codec.connection().local().incrementAndGetNextStreamId();
        if (id < 0) {
            draining = true;
            closeWhenIdle();
            return false;
        }
        ByteBuf body = requests.body(request);
        streams.put(id, call);
        call.started(this, id);
        codec.encoder().writeHeaders(codecContext, id, requests.headers(request), 0, body == null,
                codecContext.voidPromise());
        if (body != null) {
            codec.encoder().writeData(codecContext, id, body, 0, true, codecContext.voidPromise());
        }
        codec.flush(codecContext);
        if (codec.connection().stream(id) == null && streams.remove(id) == call) {
            // The codec refused the stream before making it: no close will tell the call.
            call.closed(this);
        }
        return true;
    }

    /** The call of stream {@code id} gives up: the stream is reset (CANCEL), the connection stays. */
    void cancel(int id) {
        if (streams.remove(id) != null && channel.isActive()) {
            codec.resetStream(codecContext, id, Http2Error.CANCEL.code(), codecContext.newPromise());
            codec.flush(codecContext);
        }
    }

    @Override
    public void connectionError(Throwable cause) {
        if (failure == null) {
            failure = http1Answer(cause) ? new Http2Failure.NotHttp2("h2c") : cause;
        }
    }

    /** True when the codec failed because the server's first bytes were an HTTP/1.x answer. */
    private static boolean http1Answer(Throwable cause) {
        String message = cause.getMessage();
        // Netty names the first 5 bytes it read instead of a SETTINGS frame: "HTTP/" is 485454502f.
        return message != null && message.startsWith("First received frame was not SETTINGS")
                && message.endsWith("485454502f");
    }

    @Override
    public void streamError(int streamId, Throwable cause) {
        Http2Call call = streams.get(streamId);
        if (call != null) {
            call.cause(cause);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connectionError(cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        // The codec (before this handler) has closed every stream by now.
        slot.closed(this, failure != null ? failure : new Http1Connection.ClosedBeforeAnswer());
        super.channelInactive(ctx);
    }

    /** A draining connection closes once its last stream ended. */
    private void closeWhenIdle() {
        if (draining && streams.isEmpty() && codec.connection().numActiveStreams() == 0) {
            channel.close();
        }
    }

    /** Why a stream closed without its answer, when the server did not say: the connection's end. */
    Throwable why() {
        return failure != null ? failure : new Http1Connection.ClosedBeforeAnswer();
    }

    /** Streams one connection may carry at once as the server's SETTINGS said; 0 when unsaid. */
    int streamLimit() {
        int limit = codec.connection().local().maxActiveStreams();
        return limit == Integer.MAX_VALUE ? 0 : limit;
    }

    /** What the codec reads, handed to the stream's call. */
    private final class Frames extends Http2FrameAdapter {
        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers,
                int padding, boolean endOfStream) {
            Http2Call call = streams.get(streamId);
            if (call == null) {
                return;
            }
            CharSequence status = headers.status();
            if (status != null) {
                int code = AsciiString.of(status).parseInt();
                if (code < 200) {
                    return; // informational: the final answer follows
                }
                call.answer.answered(code, headers);
            }
            if (endOfStream) {
                call.complete();
            }
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers,
                int streamDependency, short weight, boolean exclusive, int padding, boolean endOfStream) {
            onHeadersRead(ctx, streamId, headers, padding, endOfStream);
        }

        @Override
        public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding,
                boolean endOfStream) {
            Http2Call call = streams.get(streamId);
            if (call != null) {
                call.answer.bodyPart(data);
                if (endOfStream) {
                    call.complete();
                }
            }
            // Processed at once: the codec returns the bytes to the server's window.
            return data.readableBytes() + padding;
        }

        @Override
        public void onRstStreamRead(ChannelHandlerContext ctx, int streamId, long errorCode) {
            Http2Call call = streams.get(streamId);
            if (call != null) {
                call.cause(new Http2Failure.StreamReset(streamId, errorCode));
            }
        }
    }

    /** The codec's stream and connection events. */
    private final class Streams extends Http2ConnectionAdapter {
        @Override
        public void onStreamClosed(Http2Stream stream) {
            Http2Call call = streams.remove(stream.id());
            if (call != null) {
                call.closed(Http2Connection.this);
            }
            if (draining) {
                closeWhenIdle();
            } else {
                slot.streamFreed(Http2Connection.this);
            }
        }

        @Override
        public void onGoAwayReceived(int lastStreamId, long errorCode, ByteBuf debugData) {
            // Streams above lastStreamId are closed next (and fail); those below run to the end.
            draining = true;
            connectionError(new Http2Failure.GoAway(lastStreamId, errorCode));
            slot.draining(Http2Connection.this);
            closeWhenIdle();
        }
    }
}
