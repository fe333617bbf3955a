package io.apitune.load;

import java.nio.channels.ClosedChannelException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;

/**
 * One HTTP/1.1 connection of an {@link Http1Lane}: Netty's response decoder and this handler,
 * behind a TLS handler for https. It carries one {@link Http1Call}'s request at a time (no
 * pipelining), hands the answer's parts to it as they are decoded, and decides from both sides'
 * {@code Connection} headers whether it is reused (RFC 9112 section 9.3).
 *
 * <p>Thread model: its lane's thread only.
 */
final class Http1Connection extends ChannelInboundHandlerAdapter {
    private final Http1Lane lane;
    private final String origin;
    private final SslContext tls;
    private final String host;
    private final int port;
    private Channel channel;
    /** The call whose request is on this connection; null while idle. */
    private Http1Call current;
    private boolean requestCloses;
    private boolean head;
    private boolean keepAlive;
    /** Inside a 1xx interim answer, which is skipped. */
    private boolean interim;

    Http1Connection(Http1Lane lane, String origin, SslContext tls, String host, int port) {
        this.lane = lane;
        this.origin = origin;
        this.tls = tls;
        this.host = host;
        this.port = port;
    }

    String origin() {
        return origin;
    }

    ByteBufAllocator alloc() {
        return channel.alloc();
    }

    boolean usable() {
        return channel != null && channel.isActive();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ctx.pipeline().addBefore(ctx.name(), "http1-decoder", new Decoder());
        if (tls != null) {
            ctx.pipeline().addFirst("tls", tls.newHandler(channel.alloc(), host, port));
        }
    }

    /** Sends {@code request} of {@code call}, which owns this connection until its answer ends. */
    void start(Http1Call call, ByteBuf request, boolean closes, boolean isHead) {
        current = call;
        requestCloses = closes;
        head = isHead;
        interim = false;
        channel.writeAndFlush(request, channel.voidPromise());
    }

    /** The call gave up (aborted): the connection closes, and nothing more is reported to it. */
    void abandon() {
        current = null;
        channel.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (current == null) {
                // Bytes nobody asked for: the connection is out of step; never reuse it.
                ctx.close();
                return;
            }
            if (msg instanceof HttpResponse response) {
                if (response.decoderResult().isFailure()) {
                    fail(response.decoderResult().cause());
                    return;
                }
                int status = response.status().code();
                interim = status >= 100 && status < 200 && status != 101;
                if (!interim) {
                    keepAlive = !requestCloses && HttpUtil.isKeepAlive(response);
                    current.answer.answered(status, response.headers());
                }
            }
            if (msg instanceof HttpContent content) {
                if (content.decoderResult().isFailure()) {
                    fail(content.decoderResult().cause());
                    return;
                }
                if (interim) {
                    interim = !(msg instanceof LastHttpContent);
                    return;
                }
                current.answer.bodyPart(content.content());
                if (msg instanceof LastHttpContent) {
                    Http1Call call = current;
                    current = null;
                    if (keepAlive) {
                        lane.release(this);
                    } else {
                        ctx.close();
                    }
                    call.ended();
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        lane.forget(this);
        fail(new ClosedBeforeAnswer());
    }

    private void fail(Throwable cause) {
        Http1Call call = current;
        current = null;
        channel.close();
        if (call != null) {
            call.failed(cause);
        }
    }

    /** The connection closed while a request was on it: the target closed it or went away. */
    static final class ClosedBeforeAnswer extends ClosedChannelException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            return "the connection closed before the answer ended";
        }
    }

    /**
     * Netty's decoder, told that a HEAD request's answer has no body whatever it says. Header
     * names and values are not validated: the answer is measured, not trusted (a malformed
     * message still fails to decode).
     */
    private final class Decoder extends HttpResponseDecoder {
        Decoder() {
            super(new HttpDecoderConfig().setValidateHeaders(false));
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpMessage msg) {
            return head || super.isContentAlwaysEmpty(msg);
        }
    }
}
