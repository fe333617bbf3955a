package io.apitune.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import io.apitune.ApituneException;
import io.apitune.scenario.ScenarioParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario's feeder and body files travel in the ConfigMap and are mounted at the relative
 * paths the scenario names; files outside its directory and more than a ConfigMap carries are
 * refused with exit 2.
 */
class ScenarioFilesTest {
    @TempDir
    Path tmp;

    /** A scenario with a CSV feeder in a subdirectory and a binary body file; valid for the parser. */
    static Path scenario(Path dir, String feeder) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/items.csv"), "id,name\n1,one\n2,two\n3,three\n");
        Files.write(dir.resolve("body.bin"), new byte[] {(byte) 0xff, 0, (byte) 0xfe, 1});
        Path file = dir.resolve("fed.yaml");
        Files.writeString(file, "name: fed\nfeeders:\n  items: {csv: " + feeder + "}\nruns:\n"
                + "  - name: main\n    base-url: http://127.0.0.1:19001\n    rate: 10\n    duration: 1s\n"
                + "    requests:\n      - {name: get, weight: 1, get: \"/item/${items.id}\"}\n"
                + "      - {name: put, weight: 1, post: /item, body-file: body.bin}\n");
        return file;
    }

    @Test
    void feederAndBodyFilesAreInTheConfigMapAndMountedAtTheirRelativePaths() throws Exception {
        Path file = scenario(tmp, "data/items.csv");
        ScenarioParser.parse(file);
        Map<String, byte[]> files = ScenarioFiles.read(file);
        assertThat(files).containsOnlyKeys("fed.yaml", "data/items.csv", "body.bin");

        ShardJob job = new ShardJob("fed", null, "apitune:1", 2, Instant.parse("2026-11-28T10:15:00Z"),
                "fed.yaml", files);
        ConfigMap map = Serialization.unmarshal(job.yaml().split("(?m)^---\\s*$")[1].trim(), ConfigMap.class);
        Job parsed = Serialization.unmarshal(job.yaml().split("(?m)^---\\s*$")[2].trim(), Job.class);
        assertThat(map.getMetadata().getNamespace()).as("left to kubectl's current namespace").isNull();
        assertThat(map.getData()).containsEntry("fed.yaml", Files.readString(file))
                .containsEntry("file-1-items.csv", "id,name\n1,one\n2,two\n3,three\n");
        assertThat(Base64.getDecoder().decode(map.getBinaryData().get("file-2-body.bin")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("body.bin")));
        assertThat(parsed.getSpec().getTemplate().getSpec().getVolumes().get(0).getConfigMap().getItems())
                .extracting(KeyToPath::getKey, KeyToPath::getPath)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fed.yaml", "fed.yaml"),
                        org.assertj.core.groups.Tuple.tuple("file-1-items.csv", "data/items.csv"),
                        org.assertj.core.groups.Tuple.tuple("file-2-body.bin", "body.bin"));
        assertThat(parsed.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().get(0)
                .getMountPath()).isEqualTo(ShardJob.MOUNT);
    }

    @Test
    void aFileOutsideTheScenarioDirectoryOrTooMuchIsRefused() throws Exception {
        Path inner = tmp.resolve("inner");
        Files.createDirectories(inner);
        Path outside = scenario(tmp, "data/items.csv");
        Files.copy(outside, inner.resolve("fed.yaml"));
        Files.createDirectories(inner.resolve("x"));
        Files.writeString(inner.resolve("fed.yaml"), Files.readString(outside)
                .replace("csv: data/items.csv", "csv: ../data/items.csv").replace("body-file: body.bin",
                        "body: x"));
        assertThatThrownBy(() -> ScenarioFiles.read(inner.resolve("fed.yaml")))
                .isInstanceOf(ApituneException.class).hasMessageContaining("file ../data/items.csv is outside "
                        + "the scenario's directory")
                .satisfies(e -> assertThat(((ApituneException) e).exitCode()).isEqualTo(2));

        StringBuilder rows = new StringBuilder("id,name\n");
        for (int i = 0; rows.length() <= ScenarioFiles.LIMIT_BYTES; i++) {
            rows.append(i).append(",row number ").append(i).append('\n');
        }
        Files.writeString(tmp.resolve("data/items.csv"), rows, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ScenarioFiles.read(outside)).isInstanceOf(ApituneException.class)
                .hasMessageContaining("fed.yaml and the 2 files it names weigh 9")
                .hasMessageContaining("more than the 900 KiB a ConfigMap carries");
    }
}
