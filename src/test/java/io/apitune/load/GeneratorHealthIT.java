package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.apitune.load.LoadConfig.Arrival;
import org.junit.jupiter.api.Test;

/**
 * The generator judges itself: send lag near zero when it keeps up, a designed stall shows up
 * in send lag and marks the run limited, warm-up traffic never reaches the measured figures,
 * and a rate no machine can generate ends on time with the shortfall counted.
 */
class GeneratorHealthIT {
    /** Long enough that the send-lag rule (a quarter of latency p99) tolerates a busy machine. */
    private static final long SERVER_DELAY_MILLIS = 100;

    private static LoadConfig open(String url, double rate, int connections, Duration duration,
            Duration warmup, Duration timeout) {
        LoadConfig base = LoadGeneratorIT.open(url, rate, connections, duration);
        return new LoadConfig(base.request(), base.keys(), rate, Arrival.CONSTANT, connections,
                duration, null, warmup, Duration.ZERO, timeout);
    }

    @Test
    void sendLagIsSmallWhenTheGeneratorKeepsUpAndADesignedStallMarksTheRunLimited()
            throws Exception {
        try (TestServer server = TestServer.start(SERVER_DELAY_MILLIS)) {
            LoadConfig config = open(server.url("/item/{key}"), 500, 128, Duration.ofSeconds(2),
                    Duration.ofSeconds(3), Duration.ofSeconds(5));
            LoadResult steady = LoadGeneratorIT.run(config);
            LoadResult stalled;
            try (LoadGenerator generator = new LoadGenerator(config, ProgressListener.NONE)) {
                generator.probe();
                // 0.5 s into measurement every lane's thread stops for 0.5 s.
                generator.stallLanesAfterMeasureStart(500_000_000L, 500_000_000L);
                stalled = generator.run();
            }

            GeneratorHealth ok = steady.generator();
            assertThat(ok.sendLag().getTotalCount()).isEqualTo(1000);
            // Near zero: a timer wake-up each. (Whether the run as a whole is limited depends on
            // how much CPU this shared machine leaves it: stalls count, and are tested below.)
            assertThat(ok.sendLag().getValueAtPercentile(50) / 1e6).isLessThan(5.0);
            if (!ok.causes().contains(LimitCause.STALLS)) {
                // a lane starved of CPU (a busy host) sends late too; otherwise no send lag
                assertThat(ok.reason()).doesNotContain("send lag");
            }
            assertThat(ok.warmupSeconds()).isLessThanOrEqualTo(3.0);

            // The stall: requests intended during it are sent up to 0.5 s late, all of them.
            GeneratorHealth bad = stalled.generator();
            assertThat(stalled.okCount()).isEqualTo(1000);
            assertThat(bad.sendLag().getMaxValue() / 1e6).isGreaterThan(450.0);
            assertThat(bad.sendLag().getValueAtPercentile(99) / 1e6).isGreaterThan(400.0);
            assertThat(bad.sendLag().getValueAtPercentile(99))
                    .isGreaterThan(10 * ok.sendLag().getValueAtPercentile(99));
            assertThat(bad.limited()).isTrue();
            assertThat(bad.reason()).contains("send lag").contains("stalled");
            assertThat(bad.stalledMillis()).isGreaterThan(450.0);
            assertThat(io.apitune.report.model.GeneratorInfo.of(bad).warning()).startsWith("WARNING: the load generator limited this run")
                    .contains("send lag").contains("--rate");
        }
    }

    @Test
    void warmupRequestsNeverLandInTheMeasuredFigures() throws Exception {
        // Requests arriving in the first 2 s (the probe and the whole warm-up) get a slow 503,
        // later ones a 200 after 20 ms. 8 connections serve ~27 of the 200 warm-up requests a
        // second, so a backlog of warm-up requests builds up: it must be dropped when
        // measurement starts, not sent while measuring.
        try (TestServer server = TestServer.start(20).earlyAnswer(2_000, 503, 300)) {
            LoadConfig config = open(server.url("/"), 200, 8, Duration.ofSeconds(2),
                    Duration.ofSeconds(2), Duration.ofSeconds(5));
            LoadResult result;
            try (LoadGenerator generator = new LoadGenerator(config, ProgressListener.NONE)) {
                generator.probe();
                generator.keepFullWarmup();
                result = generator.run();
            }

            assertThat(result.errors().total()).isZero();
            assertThat(result.okCount()).isEqualTo(400);
            assertThat(result.okLatency().getTotalCount()).isEqualTo(400);
            assertThat(result.failureLatency().getTotalCount()).isZero();
            assertThat(result.generator().warmupDropped()).isGreaterThan(100);
            assertThat(result.generator().sent()).isEqualTo(400);
            assertThat(result.generator().warmupSeconds()).isEqualTo(2.0);
        }
    }

    @Test
    void aRateNoMachineCanGenerateEndsOnTimeWithTheShortfallCounted() throws Exception {
        try (TestServer server = TestServer.start(0)) {
            LoadConfig config = open(server.url("/"), 1e9, 4, Duration.ofSeconds(1),
                    Duration.ZERO, Duration.ofSeconds(1));
            long startNanos = System.nanoTime();
            LoadResult result = LoadGeneratorIT.run(config);
            double seconds = (System.nanoTime() - startNanos) / 1e9;

            // Duration 1 s plus timeout 1 s, plus start-up and the stop.
            assertThat(seconds).isLessThan(4.0);
            GeneratorHealth health = result.generator();
            // Constant spacing: exactly rate x duration intended, each sent or counted.
            assertThat(health.sent() + health.notSent()).isEqualTo(1_000_000_000L);
            assertThat(health.notSent()).isGreaterThan(999_000_000L);
            assertThat(result.attempts()).isEqualTo(health.sent());
            assertThat(health.limited()).isTrue();
            assertThat(health.reason()).contains("intended requests not sent");
        }
    }
}
