#!/usr/bin/env python3
"""The one place the peer scripts read figures from: apitune run directories and wrk/wrk2 output.

    figures.py apitune RUN_DIR      -> one JSON object: rate, latency/sendLag percentiles (ms),
                                       limited, reason
    figures.py wrk FILE              -> {"rate": requests/s, "p50": ms, "p99": ms, "p99.9": ms}

apitune: report.json gives the rates and latency percentiles. The generator's own figures are
read from report.json `results.generator` once the report carries it (sendLag block, limited,
reason); until then sendLag comes from the run's latency.hlog (tag sendLag, read by
scripts/lib/HlogSummary.java with the apitune jar) and limited/reason are null.
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PERCENTILES = ("p50", "p99", "p99.9")


def hlog_tags(hlog):
    jar = os.path.join(ROOT, "target", "apitune.jar")
    java = os.environ.get("JAVA", "java")
    out = subprocess.run([java, "-cp", jar, os.path.join(HERE, "HlogSummary.java"), hlog],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def apitune(run_dir):
    report = json.load(open(os.path.join(run_dir, "report.json")))
    results = report["results"]
    figures = {
        # schemaVersion 2: throughput is OK/s and requestRate every attempt/s.
        "rate": results.get("requestRate", results.get("throughput")),
        "goodput": results.get("throughput"),
        "errors": results.get("errors", {}).get("total"),
    }
    for p in PERCENTILES:
        figures[p] = results["latency"][p]
    generator = results.get("generator")
    if generator is not None:
        figures["sendLag"] = {p: generator["sendLag"][p] for p in PERCENTILES}
        figures["limited"] = generator.get("limited")
        figures["reason"] = generator.get("reason", "")
    else:
        tags = hlog_tags(os.path.join(run_dir, "latency.hlog"))
        figures["sendLag"] = tags.get("sendLag")
        figures["limited"] = None
        figures["reason"] = None
    return figures


UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def wrk(path):
    text = open(path).read()
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    figures = {"rate": float(rate.group(1)) if rate else None}
    # wrk2 --latency prints "Latency Distribution (HdrHistogram - Recorded Latency)" then
    # " 50.000%    1.23ms"; wrk --latency prints "     50%    1.23ms".
    for key, pattern in (("p50", r"50(?:\.000)?%"), ("p99", r"99(?:\.000)?%"),
                         ("p99.9", r"99\.900%")):
        m = re.search(r"^\s*" + pattern + r"\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        figures[key] = float(m.group(1)) * UNIT_MS[m.group(2)] if m else None
    return figures


if __name__ == "__main__":
    kind, target = sys.argv[1], sys.argv[2]
    print(json.dumps(apitune(target) if kind == "apitune" else wrk(target)))
