package io.apitune.jmh.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.apitune.ApituneException;
import io.apitune.gate.GateParser;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.RunnerException;

class JmhRunnerTest {
    private static JmhRunSpec spec(List<String> includes, Map<String, List<String>> params) {
        return new JmhRunSpec(includes, true, Optional.empty(), Path.of("unused-reports"), params);
    }

    @Test
    void errorLineIsTheBenchmarksOwnMessage() {
        Exception benchmark = new Exception("Benchmark caught the exception");
        benchmark.addSuppressed(new RuntimeException("wrapper", new IllegalStateException("needs Java 21")));
        RunnerException failure = new RunnerException("Benchmark caught the exception", benchmark);
        assertThat(JmhRunner.firstLine(failure)).isEqualTo("needs Java 21");
        assertThat(JmhRunner.firstLine(new RunnerException("ERROR: lock\nsecond line"))).isEqualTo("ERROR: lock");
    }

    @Test
    void validateAcceptsDeclaredParamsAndKnownGates() {
        JmhRunner.validate(spec(List.of("KeyBench"), Map.of("keys", List.of("1000"))),
                GateParser.parseAll(List.of("KeyBench.nextKey.zipf < 10 * KeyBench.nextKey.uniform")), null);
    }

    @Test
    void validateNamesTheUndeclaredParam() {
        assertThatThrownBy(() -> JmhRunner.validate(spec(List.of("KeyBench"), Map.of("rows", List.of("1"))), List.of(), null))
                .isInstanceOf(ApituneException.class)
                .hasMessageContaining("'rows'").hasMessageContaining("distribution, keys");
    }

    @Test
    void paramsParseAndRejectMalformedValues() {
        assertThat(JmhRunSpec.parseParams(List.of("keys=1000,2000", "distribution = zipf")))
                .containsEntry("keys", List.of("1000", "2000")).containsEntry("distribution", List.of("zipf"));
        for (String bad : List.of("keys", "=5", "keys=", "keys=1,,2")) {
            assertThatThrownBy(() -> JmhRunSpec.parseParams(List.of(bad)))
                    .isInstanceOf(ApituneException.class).hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void listMatchesRegexesAgainstFullNames() {
        assertThat(JmhRunner.list(List.of("KeyBench"))).containsExactly("io.apitune.jmh.KeyBench.nextKey");
        assertThat(JmhRunner.list(List.of("^io\\.apitune\\.jmh\\.ModeBench\\.request$")))
                .containsExactly("io.apitune.jmh.ModeBench.request");
        assertThat(JmhRunner.list(List.of())).hasSizeGreaterThan(15);
    }
}
