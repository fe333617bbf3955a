package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards together make exactly the single-machine run: schedule slots, connections, keys. */
class ShardTest {
    private static final double RATE = 3_000;
    private static final long WINDOW_NANOS = 2_000_000_000L;

    @TempDir
    Path tmp;

    @Test
    void feederRowsArePartitionedAcrossWindowsAndStrategies() throws IOException {
        StringBuilder csv = new StringBuilder("id,term\n");
        for (int row = 0; row < 1000; row++) {
            csv.append(row).append(",t").append(row).append('\n');
        }
        Path file = Files.writeString(tmp.resolve("items.csv"), csv);
        for (FeederSpec.Strategy strategy : List.of(FeederSpec.Strategy.SEQUENTIAL, FeederSpec.Strategy.SHUFFLE)) {
            FeederSpec spec = new FeederSpec("items", file, FeederSpec.Format.CSV, strategy, false,
                    List.of("id", "term"));
            // 1 KiB windows: about 10 of them, so rows are dealt within and across windows.
            for (int windowBytes : new int[] {1024, Feeder.WINDOW_BYTES}) {
                List<String> used = new ArrayList<>();
                int[] perShard = new int[3];
                for (int index = 0; index < 3; index++) {
                    try (Feeder feeder = Feeder.open(spec, new Shard(index, 3), 7, windowBytes)) {
                        for (String[][] block = feeder.take(); block != Feeder.END; block = feeder.take()) {
                            for (String[] row : block) {
                                used.add(row[0]);
                                perShard[index]++;
                            }
                        }
                    }
                }
                assertThat(used).as(strategy + ", window " + windowBytes).hasSize(1000).doesNotHaveDuplicates();
                for (int n : perShard) {
                    assertThat(n).isBetween(300, 367);
                }
            }
        }
    }

    @Test
    void aFeederWithFewerRowsThanShardsIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("two.csv"), "id\n1\n2\n");
        FeederSpec spec = new FeederSpec("two", file, FeederSpec.Format.CSV, FeederSpec.Strategy.SEQUENTIAL,
                false, List.of("id"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Feeder.open(spec, new Shard(2, 3), 1))
                .hasMessageContaining("fewer than the 3 shards");
    }

    @Test
    void theShardsOpenSchedulesMergeIntoTheSingleMachineSchedule() {
        List<Long> whole = offsets(new Schedule(Profile.constant(RATE, 0), false, 1, 0, 1));
        // Shards may run on machines with different core counts: 3 shards with 1, 2 and 4 lanes.
        int[] lanesOfShard = {1, 2, 4};
        List<Long> merged = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            Shard shard = new Shard(index, 3);
            int lanes = lanesOfShard[index];
            List<Long> ofShard = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                ofShard.addAll(offsets(new Schedule(Profile.constant(RATE, 0), false, 1, shard.slice(lane, lanes),
                        shard.slices(lanes))));
            }
            ofShard.sort(null);
            // Each shard's own slots are every third of the whole schedule, from its index.
            for (int j = 0; j < ofShard.size(); j++) {
                assertThat(ofShard.get(j)).isEqualTo(whole.get(index + 3 * j));
            }
            merged.addAll(ofShard);
        }
        merged.sort(null);
        assertThat(merged).isEqualTo(whole);
        assertThat(whole).hasSize(6_000);
        // Constant spacing stays constant: 1/3000 s apart, to the nanosecond's rounding.
        for (int i = 1; i < merged.size(); i++) {
            assertThat(merged.get(i) - merged.get(i - 1)).isBetween(333_332L, 333_334L);
        }
    }

    @Test
    void theShardsOfAStagedProfileMergeIntoItsSingleMachineSchedule() {
        // A ramp from 0, a hold, a step: 2 s of stages (the window the offsets are read over).
        Profile stages = Profile.of(List.of(Stage.rampTo(1000, java.time.Duration.ofMillis(500)),
                Stage.hold(1000, java.time.Duration.ofMillis(700)), Stage.hold(2500, java.time.Duration.ofMillis(800))));
        List<Long> whole = offsets(new Schedule(stages, false, 1, 0, 1));
        int[] lanesOfShard = {3, 1, 2};
        List<Long> merged = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            Shard shard = new Shard(index, 3);
            for (int lane = 0; lane < lanesOfShard[index]; lane++) {
                merged.addAll(offsets(new Schedule(stages, false, 1, shard.slice(lane, lanesOfShard[index]),
                        shard.slices(lanesOfShard[index]))));
            }
        }
        merged.sort(null);
        assertThat(whole).hasSize(250 + 700 + 2000);
        assertThat(merged).isEqualTo(whole);
    }

    @Test
    void sharesAreEvenAndAddUp() {
        long sum = 0;
        for (int index = 0; index < 3; index++) {
            long share = new Shard(index, 3).share(10);
            assertThat(share).isBetween(3L, 4L);
            sum += share;
        }
        assertThat(sum).isEqualTo(10);
        assertThat(new Shard(0, 3).share(10)).isEqualTo(4);
    }

    @Test
    void keysArePartitionedNotDuplicated() {
        LoadConfig.KeySpace keys = new LoadConfig.KeySpace(10, LoadConfig.KeySpace.Distribution.UNIFORM, 0);
        List<Long> seen = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            KeyChooser chooser = new KeyChooser(keys, new Shard(index, 3));
            java.util.Set<Long> drawn = new java.util.TreeSet<>();
            for (int i = 0; i < 2_000; i++) {
                long key = chooser.next();
                assertThat((key - 1) % 3).isEqualTo(index);
                drawn.add(key);
            }
            seen.addAll(drawn);
        }
        seen.sort(null);
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void parsesIOverN() {
        assertThat(Shard.parse("1/3")).isEqualTo(new Shard(1, 3));
        assertThat(Shard.parse("3/3")).isNull();
        assertThat(Shard.parse("a/3")).isNull();
        assertThat(Shard.parse("0/0")).isNull();
    }

    private static List<Long> offsets(Schedule schedule) {
        List<Long> out = new ArrayList<>();
        for (long t = schedule.nextOffsetNanos(); t < WINDOW_NANOS; t = schedule.nextOffsetNanos()) {
            out.add(t);
        }
        return out;
    }
}
