package io.apitune.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A data feeder as a run declares it: a CSV file with a header line, or a JSON Lines file (one
 * object per line), whose rows fill {@code ${name.column}} placeholders. {@link Feeder} reads it.
 *
 * <p>Immutable; thread-safe.
 *
 * @param name     how templates refer to it ({@code ${name.column}})
 * @param file     the file, absolute or relative to the working directory
 * @param format   CSV or JSON Lines
 * @param strategy the order rows are handed out in
 * @param wrap     for {@link Strategy#SEQUENTIAL} and {@link Strategy#SHUFFLE}: start over when
 *                 every row was used (else the run stops there); always true for
 *                 {@link Strategy#CIRCULAR}, meaningless for {@link Strategy#RANDOM}
 * @param columns  the column names (the CSV header; the keys of the first JSON object), in order
 */
public record FeederSpec(String name, Path file, Format format, Strategy strategy, boolean wrap,
        List<String> columns) {

    /** The file formats a feeder reads. */
    public enum Format {
        CSV, JSONL;

        /** {@code csv} or {@code jsonl}, as a scenario names it. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The column names of a feeder file in this format: its CSV header line, or the keys of
         * its first JSON object; for the run model to check before a run.
         *
         * @throws IOException when it cannot be read
         * @throws IllegalArgumentException when it has none, worded to follow the file's name
         */
        public List<String> columns(Path file) throws IOException {
            return FeederFile.columns(file, this);
        }
    }

    /** The order rows are handed out in. */
    public enum Strategy {
        /** In file order, each row once; then stop the run or wrap. */
        SEQUENTIAL,
        /** A random row for every request (with replacement). */
        RANDOM,
        /** In a random order, each row once per pass; then stop the run or wrap (reshuffled). */
        SHUFFLE,
        /** In file order, over and over. */
        CIRCULAR;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True when the rows run out: each row is used once per pass. */
        public boolean once() {
            return this == SEQUENTIAL || this == SHUFFLE;
        }
    }

    public FeederSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(strategy, "strategy");
        columns = List.copyOf(columns);
        wrap = strategy == Strategy.CIRCULAR || (strategy.once() && wrap);
    }

    /** The index of {@code column}, or -1. */
    public int column(String column) {
        return columns.indexOf(column);
    }

    /** What happens after the last row: {@code stop}, {@code wrap}, or null when it cannot run out. */
    public String atEnd() {
        return strategy.once() ? (wrap ? "wrap" : "stop") : null;
    }
}
