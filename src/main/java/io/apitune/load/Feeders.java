package io.apitune.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the run model may ask of a feeder file before a run: its columns.
 *
 * <p>Stateless; thread-safe.
 */
public final class Feeders {
    private Feeders() {
    }

    /**
     * The column names of a feeder file: its CSV header line, or the keys of its first JSON
     * object.
     *
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it has none, worded to follow the file's name
     */
    public static List<String> columns(Path file, FeederSpec.Format format) throws IOException {
        return FeederFile.columns(file, format);
    }
}
