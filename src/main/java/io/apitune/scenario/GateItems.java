package io.apitune.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.apitune.ApituneException;
import io.apitune.gate.Gate;
import io.apitune.gate.GateEvaluator;
import io.apitune.gate.GateParser;
import io.apitune.gate.ReportMetrics;
import io.apitune.run.RunSpec;

/**
 * A scenario's {@code gates} list: each item is a gate as text ({@code search.p99 < 50ms}), or a
 * map {@code {gate: TEXT, abort-on-fail: true, window: 10s}} for a gate judged on a sliding
 * window while the run goes on. Every gate is checked against the runs and their requests here,
 * so an unknown run, request or metric fails before any load is sent.
 *
 * <p>Stateless; thread-safe.
 */
final class GateItems {
    private static final List<String> KEYS = List.of("gate", "abort-on-fail", "window");
    /** The window of an {@code abort-on-fail} gate that gives none. */
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

    private GateItems() {
    }

    static List<Gate> parse(Optional<Field> list, List<RunSpec> runs) {
        if (list.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, List<String>> names = new java.util.LinkedHashMap<>();
        runs.forEach(r -> names.put(r.name(), r.load().mix().names()));
        ReportMetrics known = ReportMetrics.namesOnly(names);
        GateEvaluator check = new GateEvaluator(known, known);
        List<Gate> gates = new ArrayList<>();
        for (Field item : list.get().list()) {
            Gate gate = item.isMap() ? mapped(item) : parsed(item, item.string());
            try {
                check.evaluate(gate);
            } catch (ApituneException e) {
                throw item.fail(e.getMessage());
            }
            gates.add(gate);
        }
        return gates;
    }

    private static Gate mapped(Field item) {
        item.map(KEYS);
        Field text = item.require("gate");
        Gate gate = parsed(text, text.string());
        boolean aborts = item.get("abort-on-fail")
                .map(f -> f.setting().choice("true", "false").equals("true")).orElse(false);
        Optional<Field> window = item.get("window");
        if (!aborts) {
            window.ifPresent(w -> {
                throw w.fail("a window belongs to a gate with abort-on-fail: true");
            });
            return gate;
        }
        Duration length = window.map(w -> w.setting().positiveDuration()).orElse(DEFAULT_WINDOW);
        try {
            return gate.aborting(length);
        } catch (ApituneException e) {
            throw window.orElse(item).fail(e.getMessage());
        }
    }

    private static Gate parsed(Field where, String text) {
        try {
            return GateParser.parse(text).withOrigin(where.where());
        } catch (ApituneException e) {
            throw where.fail(e.getMessage());
        }
    }
}
