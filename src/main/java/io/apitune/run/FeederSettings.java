package io.apitune.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.apitune.load.FeederSpec;
import io.apitune.load.FeederSpec.Format;
import io.apitune.load.FeederSpec.Strategy;

/**
 * A feeder as written (a scenario's {@code feeders} map), and the one place its rules are
 * stated: a name of letters, digits, {@code _} and {@code -}; exactly one file, {@code csv} or
 * {@code jsonl}, readable, with columns (a CSV header line, or the keys of the first JSON
 * object); a strategy of {@code sequential} (the default), {@code random}, {@code shuffle} or
 * {@code circular}; {@code at-end} ({@code stop}, the default, or {@code wrap}) only for the
 * strategies that use each row once. The file's columns are read when it is built, so a
 * template naming a column that is not there fails before any load is sent.
 *
 * @param name     the feeder's name as written (its map key)
 * @param origin   where the feeder was written
 * @param csv      the CSV file's path (resolved against the scenario's directory), or null
 * @param jsonl    the JSON Lines file's path, or null
 * @param strategy or null
 * @param atEnd    or null
 */
public record FeederSettings(Setting name, Origin origin, Setting csv, Setting jsonl,
        Setting strategy, Setting atEnd) {
    public FeederSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
    }

    FeederSpec build() {
        String feeder = name.trimmed();
        if (!RunSpec.NAME.matcher(feeder).matches()) {
            throw name.fail("\"" + feeder + "\" is not a feeder name (letters, digits, _ and -)");
        }
        if ((csv == null) == (jsonl == null)) {
            throw origin.fail("give exactly one file: csv: PATH or jsonl: PATH");
        }
        Setting file = csv != null ? csv : jsonl;
        Format format = csv != null ? Format.CSV : Format.JSONL;
        Strategy order = strategy == null ? Strategy.SEQUENTIAL : Strategy.valueOf(strategy
                .choice("sequential", "random", "shuffle", "circular").toUpperCase(Locale.ROOT));
        boolean wrap = false;
        if (atEnd != null) {
            if (!order.once()) {
                throw atEnd.fail("applies to sequential and shuffle only (" + order.key()
                        + " never runs out)");
            }
            wrap = atEnd.choice("stop", "wrap").equals("wrap");
        }
        Path path = Path.of(file.trimmed());
        List<String> columns;
        try {
            columns = format.columns(path);
        } catch (IOException e) {
            throw file.fail("cannot read " + path + " (" + io.apitune.Problems.describe(e) + ")");
        } catch (IllegalArgumentException e) {
            throw file.fail(path + " " + e.getMessage());
        }
        return new FeederSpec(feeder, path, format, order, wrap, columns);
    }
}
