package io.apitune.load;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.util.collection.IntObjectHashMap;

/**
 * An h2c server on Netty's HTTP/2 codec, for what a general server does not do on demand: it
 * answers {@code /echo} with the request's body (and its {@code content-length} and
 * {@code :authority} as {@code x-length} and {@code x-authority}), never answers {@code /hang}
 * and records the code of every RST_STREAM it receives, and answers {@code /bye} with a GOAWAY
 * whose last stream id is the one before (so that request fails) and no answer; {@code /early}
 * is answered with a 103 (Early Hints) first, then a 204 with a {@code content-length} and no
 * body, as a HEAD answer has.
 *
 * <p>Thread model: its own event loop; the counters and the queue are thread-safe.
 */
final class H2TestServer implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final AtomicLong connections = new AtomicLong();
    private final BlockingQueue<Long> resets = new LinkedBlockingQueue<>();

    H2TestServer() throws InterruptedException {
        this(100);
    }

    /** A server that allows {@code maxStreams} concurrent streams per connection. */
    H2TestServer(int maxStreams) throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.incrementAndGet();
                        Answers answers = new Answers();
                        Http2ConnectionHandler handler = new Http2ConnectionHandlerBuilder()
                                .server(true).frameListener(answers)
                                .initialSettings(new Http2Settings().maxConcurrentStreams(maxStreams))
                                .build();
                        answers.handler = handler;
                        ch.pipeline().addLast(handler);
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    String url(String path) {
        return "http://127.0.0.1:" + ((java.net.InetSocketAddress) server.localAddress()).getPort() + path;
    }

    long connections() {
        return connections.get();
    }

    /** The RST_STREAM error codes received, in order. */
    BlockingQueue<Long> resets() {
        return resets;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One connection's streams: path and body so far, answered at the end of the request. */
    private final class Answers extends Http2FrameAdapter {
        Http2ConnectionHandler handler;
        private final IntObjectHashMap<Http2Headers> requests = new IntObjectHashMap<>();
        private final IntObjectHashMap<ByteBuf> bodies = new IntObjectHashMap<>();

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers,
                int padding, boolean endOfStream) {
            requests.put(streamId, headers);
            bodies.put(streamId, Unpooled.buffer());
            if (endOfStream) {
                answer(ctx, streamId);
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
            bodies.get(streamId).writeBytes(data);
            if (endOfStream) {
                answer(ctx, streamId);
            }
            return data.readableBytes() + padding;
        }

        @Override
        public void onRstStreamRead(ChannelHandlerContext ctx, int streamId, long errorCode) {
            resets.add(errorCode);
        }

        private void answer(ChannelHandlerContext ctx, int streamId) {
            Http2Headers request = requests.remove(streamId);
            ByteBuf body = bodies.remove(streamId);
            String path = request.path().toString();
            if (path.startsWith("/hang")) {
                body.release();
                return;
            }
            if (path.startsWith("/bye")) {
                body.release();
                handler.goAway(ctx, streamId - 2, Http2Error.NO_ERROR.code(), Unpooled.EMPTY_BUFFER,
                        ctx.newPromise());
                handler.flush(ctx);
                return;
            }
            if (path.startsWith("/early")) {
                body.release();
                handler.encoder().writeHeaders(ctx, streamId, new DefaultHttp2Headers().status("103"),
                        0, false, ctx.newPromise());
                handler.encoder().writeHeaders(ctx, streamId, new DefaultHttp2Headers().status("204")
                        .add("content-length", "5").add("x-length", "final"), 0, true, ctx.newPromise());
                handler.flush(ctx);
                return;
            }
            CharSequence length = request.get("content-length");
            Http2Headers answer = new DefaultHttp2Headers().status("200")
                    .add("x-length", length == null ? "none" : length)
                    .add("x-authority", request.authority());
            handler.encoder().writeHeaders(ctx, streamId, answer, 0, false, ctx.newPromise());
            handler.encoder().writeData(ctx, streamId, body, 0, true, ctx.newPromise());
            handler.flush(ctx);
        }
    }
}
