package io.apitune.server;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Closes an HTTP/1.x connection whose request head (request line and headers) is still
 * incomplete {@code timeoutNanos} after its first byte arrived. Two handlers share the state:
 * one before Vert.x's request decoder sees bytes arrive between requests and starts the clock,
 * one after it sees each decoded head and stops the clock.
 *
 * <p>A head whose first bytes arrive in the same read as the end of the previous request starts
 * no clock: if the client then stalls, the idle timeout closes the connection; if it drips more
 * bytes, the next read starts the clock. A head stops the clock as soon as the decoder has it,
 * before the server gets to the request, so pipelined requests waiting behind a slow one never
 * time out.
 *
 * <p>Thread model: confined to the connection's event loop.
 */
final class HeaderTimeout {
    static final String DECODER = "httpDecoder";
    private static final String BYTES = "apituneHeadBytes";
    private static final String HEADS = "apituneHeads";

    private final Channel channel;
    private final long timeoutNanos;
    private boolean inMessage;
    private ScheduledFuture<?> clock;

    private HeaderTimeout(Channel channel, long timeoutNanos) {
        this.channel = channel;
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * Adds the two handlers around the pipeline's request decoder; does nothing when it has none
     * (an HTTP/2 connection).
     *
     * @param headReceived true when the connection's first head has already been decoded (a
     *                     cleartext connection is handed over only then), false when the first
     *                     head is still due, so the clock starts now
     */
    static void install(ChannelPipeline pipeline, long timeoutNanos, boolean headReceived) {
        if (pipeline.get(DECODER) == null || pipeline.get(BYTES) != null) {
            return;
        }
        HeaderTimeout timeout = new HeaderTimeout(pipeline.channel(), timeoutNanos);
        pipeline.addBefore(DECODER, BYTES, timeout.new Bytes());
        pipeline.addAfter(DECODER, HEADS, timeout.new Heads());
        if (headReceived) {
            timeout.inMessage = true;
        } else {
            timeout.start();
        }
    }

    private void start() {
        clock = channel.eventLoop().schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void stop() {
        if (clock != null) {
            clock.cancel(false);
            clock = null;
        }
    }

    private void expire() {
        if (clock != null && !inMessage) {
            clock = null;
            channel.close();
        }
    }

    /** Before the decoder: the first bytes of a head start the clock. */
    private final class Bytes extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!inMessage && clock == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                start();
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            stop();
            ctx.fireChannelInactive();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            stop();
        }
    }

    /** After the decoder: a decoded head stops the clock; the end of the request re-arms it. */
    private final class Heads extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                stop();
                inMessage = true;
            }
            if (msg instanceof LastHttpContent) {
                inMessage = false;
            }
            ctx.fireChannelRead(msg);
        }
    }
}
