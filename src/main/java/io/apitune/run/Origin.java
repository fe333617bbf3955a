package io.apitune.run;

import io.apitune.ApituneException;

/**
 * Where a setting was written, so that a rule broken anywhere is reported in the words of its
 * source: a flag ({@code --rate: ...}) or a scenario key with its position
 * ({@code file.yaml:3:5: runs[0].rate: ...}).
 *
 * <p>Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface Origin {
    /** An invalid-input error (exit 2) naming this setting and {@code problem}. */
    ApituneException fail(String problem);

    /** The origin of a command-line flag, e.g. {@code --rate}. */
    static Origin flag(String name) {
        return problem -> ApituneException.invalidInput(name + ": " + problem);
    }

    /** A setting with no single source (e.g. a combination of flags). */
    Origin NONE = ApituneException::invalidInput;
}
