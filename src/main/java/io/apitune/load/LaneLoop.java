package io.apitune.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * What every {@link Transport.Lane} is underneath: one single-thread Netty event loop (epoll
 * where available, else NIO), which runs the lane's tasks, makes its TCP connections (its share
 * is {@link #connections()}; each is counted as it opens) and whose thread is known for CPU
 * accounting.
 *
 * <p>Thread model: see {@link Transport.Lane}. Construction and {@link #stopEventLoop()} on a
 * non-lane thread.
 */
abstract class LaneLoop implements Transport.Lane {
    private static final long START_TIMEOUT_SECONDS = 10;

    final int connectionCount;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final long threadId;
    private volatile long connectionsOpened;

    /**
     * Starts lane {@code index}'s event loop; its share of the run's connections is
     * {@code connectionCount}, each opened within {@code connectTimeout}.
     */
    LaneLoop(int index, int connectionCount, Duration connectTimeout) {
        this.group = newEventLoop(index);
        this.connectionCount = connectionCount;
        this.bootstrap = new Bootstrap().group(group)
                .channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        CompletableFuture<Long> id = new CompletableFuture<>();
        group.execute(() -> id.complete(Thread.currentThread().getId()));
        try {
            this.threadId = id.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting an I/O thread", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("an I/O thread did not start", e);
        }
    }

    /** One event-loop thread named after lane {@code index}: epoll where available, else NIO. */
    private static EventLoopGroup newEventLoop(int index) {
        return new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("apitune-io-" + index, true),
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /**
     * Opens a TCP connection (TCP_NODELAY) to {@code host:port} on this lane, handled by
     * {@code handler}; it is counted once open, before the returned future's own listeners run.
     */
    final ChannelFuture connect(ChannelHandler handler, String host, int port) {
        return bootstrap.clone().handler(handler).connect(host, port).addListener(done -> {
            if (done.isSuccess()) {
                connectionsOpened = connectionsOpened + 1; // single writer: the lane
            }
        });
    }

    @Override
    public final int connections() {
        return connectionCount;
    }

    @Override
    public final long connectionsOpened() {
        return connectionsOpened;
    }

    @Override
    public final void execute(Runnable task) {
        group.execute(task);
    }

    @Override
    public final void schedule(Runnable task, long delayNanos) {
        group.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public final long threadId() {
        return threadId;
    }

    /** Stops the event loop (closing what is still registered on it), waiting 2 s at most. */
    final void stopEventLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
