package io.apitune.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.bootstrap.Bootstrap;
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
 * where available, else NIO), which runs the lane's tasks, makes its TCP connections and whose
 * thread is known for CPU accounting.
 *
 * <p>Thread model: see {@link Transport.Lane}. Construction and {@link #stopEventLoop()} on a
 * non-lane thread.
 */
abstract class LaneLoop implements Transport.Lane {
    private static final long START_TIMEOUT_SECONDS = 10;

    final EventLoopGroup group;
    private final long threadId;

    /** @param group a group of exactly one event loop, started by this constructor */
    LaneLoop(EventLoopGroup group) {
        this.group = group;
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
    static EventLoopGroup newEventLoop(int index) {
        return new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("apitune-io-" + index, true),
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /** A TCP client on this lane's event loop: TCP_NODELAY, {@code connectTimeout}. */
    final Bootstrap clientBootstrap(Duration connectTimeout) {
        return new Bootstrap().group(group)
                .channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
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
