package io.apitune.jmh.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.apitune.ApituneException;

/**
 * What {@code apitune jmh} was asked to run, validated once.
 *
 * @param includes     benchmark regexes (JMH's include syntax, matched against
 *                     {@code io.apitune.jmh.Class.method}); empty means every benchmark
 * @param quick        the smoke configuration ({@link JmhRunner#QUICK_FORKS} fork, short iterations)
 *                     instead of each class's own annotations
 * @param jsonFile     where to copy JMH's JSON result, if anywhere
 * @param reportsDir   the directory under which {@code <timestamp>-jmh/} is created
 * @param params       {@code @Param} overrides, name → values (JMH's {@code -p name=v1,v2})
 *
 * <p>Immutable; thread-safe.
 */
public record JmhRunSpec(List<String> includes, boolean quick, Optional<Path> jsonFile, Path reportsDir,
        Map<String, List<String>> params) {
    public JmhRunSpec {
        includes = List.copyOf(includes);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        for (String regex : includes) {
            checkRegex(regex);
        }
        if (jsonFile.isPresent() && Files.isDirectory(jsonFile.get())) {
            throw ApituneException.invalidInput("--json: '" + jsonFile.get() + "' is a directory, not a file");
        }
        if (Files.exists(reportsDir) && !Files.isDirectory(reportsDir)) {
            throw ApituneException.invalidInput("--reports-dir: '" + reportsDir + "' is not a directory");
        }
    }

    /** The includes JMH should use: every benchmark when none were given. */
    public List<String> effectiveIncludes() {
        return includes.isEmpty() ? List.of(".*") : includes;
    }

    /**
     * Parses {@code --param} values of the form {@code name=v1,v2}.
     *
     * @throws ApituneException (exit 2) naming the value when it has no name or no values
     */
    public static Map<String, List<String>> parseParams(List<String> texts) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String text : texts) {
            int eq = text.indexOf('=');
            List<String> values = eq < 0 ? List.of() : List.of(text.substring(eq + 1).split(",", -1));
            if (eq <= 0 || values.stream().anyMatch(String::isBlank)) {
                throw ApituneException.invalidInput("--param: '" + text + "' is not NAME=VALUE[,VALUE...]");
            }
            params.put(text.substring(0, eq).trim(), values.stream().map(String::trim).toList());
        }
        return params;
    }

    private static void checkRegex(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw ApituneException.invalidInput("REGEX: '" + regex + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }
}
