#!/usr/bin/env python3
"""Prints the figures of issue 10's "Done when" from a compare's combined report.json.

    theory_figures.py done-when REPORT_JSON LATENCY_MS CONNECTIONS WORKERS
        blocking goodput against W / L (within 10 %), async goodput against
        C / (L + measured overhead) (within 5 %), every run's theory fraction, the sentences, the
        gates; exits 1 when a figure misses its target.
    theory_figures.py modes REPORT_JSON
        one line per run: goodput, OK p50 / p99, KO share, theory fraction and bound, limited.

The measured overhead is the async run's mean OK latency minus L: in the closed model, Little's
law makes goodput C / (mean latency) when every connection always has a request in flight, so the
check says the generator kept all C in flight (no gap between an answer and the next send).
"""
import json
import sys


def number(value):
    return "n/a" if value is None else "%.1f" % value


def runs(report):
    return {r["name"]: r for r in report["runs"]}


def mode_line(run):
    res = run["results"]
    lat = res.get("latency") or {}
    theory = run.get("theory") or {}
    if theory.get("boundPerSecond"):
        bound = "%.2f of %.0f/s (%s)" % (theory["fraction"], theory["boundPerSecond"], theory["explanation"])
    else:
        bound = "no bound (%s)" % theory.get("limitedBy", "no theory")
    limited = "LIMITED" if (res.get("generator") or {}).get("limited") else "not limited"
    return "%-9s goodput %9.1f/s  OK p50 %8.3f ms  p99 %8.3f ms  KO %6.2f %%  theory %s  %s" % (
        run["name"], res["throughput"], lat.get("p50", float("nan")), lat.get("p99", float("nan")),
        100 * res["errorRate"], bound, limited)


def done_when(report, latency_ms, connections, workers):
    by_name = runs(report)
    ok = True
    blocking = by_name["blocking"]["results"]["throughput"]
    bound = workers * 1000.0 / latency_ms
    within = abs(blocking / bound - 1)
    ok &= within <= 0.10
    print("blocking goodput %.1f/s = %.3f of W / L = %d / %g ms = %.0f/s (target: within 10 %%): %s"
          % (blocking, blocking / bound, workers, latency_ms, bound, "PASS" if within <= 0.10 else "MISS"))
    a = by_name["async"]["results"]
    mean = a["latency"]["mean"]
    overhead = mean - latency_ms
    expected = connections * 1000.0 / mean
    within = abs(a["throughput"] / expected - 1)
    ok &= within <= 0.05
    print("async goodput %.1f/s = %.3f of C / (L + overhead) = %d / (%g ms + %.3f ms measured) = %.0f/s "
          "(target: within 5 %%): %s" % (a["throughput"], a["throughput"] / expected, connections, latency_ms,
                                         overhead, expected, "PASS" if within <= 0.05 else "MISS"))
    for run in report["runs"]:
        print("  " + mode_line(run))
    for sentence in report.get("findings") or []:
        print("  " + sentence)
    for gate in report.get("gates") or []:
        outcome = gate.get("outcome") or ("pass" if gate.get("passed") else "fail")
        print("gate %s: %s (measured %s, limit %s)" % (gate["gate"], outcome.upper(), number(gate.get("measured")),
                                                       number(gate.get("limit"))))
        ok &= bool(gate.get("passed"))
    return ok


def main():
    what, path = sys.argv[1], sys.argv[2]
    report = json.load(open(path))
    if what == "done-when":
        ok = done_when(report, float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
        sys.exit(0 if ok else 1)
    for run in report["runs"]:
        print(mode_line(run))
    for sentence in report.get("findings") or []:
        print("  " + sentence)


if __name__ == "__main__":
    main()
