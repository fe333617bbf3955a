package io.apitune.k8s;

import java.nio.file.Path;

/** The feeder scenario of {@link ScenarioFilesTest}, for the k8s ITs of other packages. */
public final class ScenarioFilesTestAccess {
    private ScenarioFilesTestAccess() {
    }

    /** Writes fed.yaml, data/items.csv and body.bin into {@code dir}; returns fed.yaml. */
    public static Path scenario(Path dir) throws Exception {
        return ScenarioFilesTest.scenario(dir, "data/items.csv");
    }
}
