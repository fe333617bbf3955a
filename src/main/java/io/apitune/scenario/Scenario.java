package io.apitune.scenario;

import java.util.List;
import java.util.Objects;

import io.apitune.gate.Gate;

/**
 * A validated scenario file: named runs executed in order, and the gates checked on their
 * results. Built by {@link ScenarioParser}, or by {@code compare} from its flags.
 *
 * <p>Immutable; thread-safe.
 *
 * @param name        the scenario's name, used for the combined report and JUnit suite
 * @param description free text, may be empty
 * @param runs        at least one, names unique
 * @param gates       gate names already checked against the runs
 */
public record Scenario(String name, String description, List<RunSpec> runs, List<Gate> gates) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        runs = List.copyOf(runs);
        gates = List.copyOf(gates);
    }

    /** The run names, in order. */
    public List<String> runNames() {
        return runs.stream().map(RunSpec::name).toList();
    }
}
