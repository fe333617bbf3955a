#!/usr/bin/env bash
# Noise-proof gates, the experiments of issue 14. Two `apitune serve` processes on SERVER_CPU
# (A: --backend-latency 20ms, B: 26ms, same --workers), driven by `apitune compare --rounds`
# (closed model) on LOAD_CPU, with the gate  B.p99 <= A.p99 * 1.05 :
#
#   null            A against A (one server as both sides): the p99 ratio's interval should
#                   contain 1.0 and the gate must never FAIL (pass or inconclusive)
#   regression      B (26 ms, a 30 % regression) against A: the gate must FAIL every time
#   hog-null        null, while a CPU hog takes HOG_CPU for the middle half of each comparison
#   hog-regression  regression, with the same hog
#   walltime        wall time of the null comparison in rounds against today's single-run
#                   comparison with the same measured time per side (ROUNDS x ROUND); goal <= 1.5
#
# usage: scripts/noise-gates.sh [REPS=20]
# env:   EXPERIMENTS (default "null regression hog-null hog-regression walltime"),
#        ROUNDS (12), ROUND (measured time per round, 1s), WARMUP (2s), CONNECTIONS (32),
#        WORKERS (32), SERVER_CPU (0), LOAD_CPU (1), HOG_CPU (0), WALL_REPS (3),
#        PORT_A (18401), PORT_B (18402), JAVA (a java binary; default: the launcher's choice),
#        OUT (results directory, default a temporary one that is removed)
# runs: every JVM through ./apitune (the launcher's JVM options, as a user runs it) on a copy of
#       target/apitune.jar taken at the start (APITUNE_JAR), so a rebuild meanwhile changes nothing
# needs: a JDK 17+, taskset (util-linux), python3; stress-ng for the hog (Debian:
#        apt-get install -y stress-ng), else a busy loop in a second process is the hog.
# prints one line per comparison, then the summary table (the figures the issue asks for).
set -euo pipefail
cd "$(dirname "$0")/.."

reps="${1:-20}"
experiments="${EXPERIMENTS:-null regression hog-null hog-regression walltime}"
rounds="${ROUNDS:-12}"
round="${ROUND:-1s}"
warmup="${WARMUP:-2s}"
connections="${CONNECTIONS:-32}"
workers="${WORKERS:-32}"
server_cpu="${SERVER_CPU:-0}"
load_cpu="${LOAD_CPU:-1}"
hog_cpu="${HOG_CPU:-0}"
wall_reps="${WALL_REPS:-3}"
port_a="${PORT_A:-18401}"
port_b="${PORT_B:-18402}"
if [[ -n "${JAVA:-}" ]]; then export APITUNE_JAVA="$JAVA"; fi
gate='B.p99 <= A.p99 * 1.05'

command -v taskset >/dev/null || { echo "taskset is missing (util-linux)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 2; }
if [[ ! -f target/apitune.jar ]] || [[ -n "$(find pom.xml src/main -newer target/apitune.jar -type f -print -quit)" ]]; then
  mvn -q -B -DskipTests package >&2
fi

work="$(mktemp -d)"
out="${OUT:-$work/out}"
mkdir -p "$out"
# the JVMs run a copy, so a rebuild during the experiment does not change what is measured
cp target/apitune.jar "$work/apitune.jar"
export APITUNE_JAR="$work/apitune.jar"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

start_server() { # name port latency
  local log="$work/serve-$1"
  taskset -c "$server_cpu" ./apitune serve --port "$2" --backend-latency "$3" \
    --workers "$workers" >"$log.out" 2>"$log.err" &
  pids+=($!)
  for _ in $(seq 1 240); do
    grep -q 'listening on' "$log.out" 2>/dev/null && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$log.err" >&2; exit 3; }
    sleep 0.5
  done
  echo "serve $1 did not start" >&2
  exit 3
}

url() { echo "http://127.0.0.1:$1/blocking/item/{key}"; }

# compare NAME B_PORT ROUNDS DURATION -> prints "exit wall_seconds"; the report goes to $out/NAME
compare() {
  local name="$1" b_port="$2" n="$3" duration="$4" started ended code=0
  local args=(compare --url "A=$(url "$port_a")" --url "B=$(url "$b_port")" --connections "$connections"
    --warmup "$warmup" --duration "$duration" --gate "$gate" --quiet --out "$out/$name")
  if [[ "$n" -gt 1 ]]; then args+=(--rounds "$n"); fi
  started="$(date +%s.%N)"
  taskset -c "$load_cpu" ./apitune "${args[@]}" >"$out/$name.txt" 2>&1 || code=$?
  ended="$(date +%s.%N)"
  echo "$code $(python3 -c 'import sys; print("%.1f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$started" "$ended")"
}

# hog SECONDS_FROM_NOW SECONDS: a CPU hog on HOG_CPU for the middle of a comparison
hog() {
  local delay="$1" seconds="$2"
  if command -v stress-ng >/dev/null; then
    (sleep "$delay"; exec taskset -c "$hog_cpu" stress-ng --cpu 1 --timeout "${seconds}s" --quiet) &
  else
    (sleep "$delay"; exec timeout "$seconds" taskset -c "$hog_cpu" bash -c 'while :; do :; done') &
  fi
  hog_pid=$!
}

# line EXPERIMENT REP EXIT WALL: one result line from the report written by compare
line() {
  python3 - "$out/$1-$2/report.json" "$1" "$2" "$3" "$4" <<'PY'
import json, sys
path, experiment, rep, code, wall = sys.argv[1:]
try:
    doc = json.load(open(path))
except OSError:
    print(f"{experiment:15s} {rep:>3s} {code:>4s}  (no report)")
    sys.exit(0)
gate = (doc.get("gates") or [{}])[0]
ratio = next((r["interval"] for r in doc.get("ratios") or [] if r["metric"] == "p99"), None)
interval = gate.get("interval") or ratio
text = "-" if interval is None else "%.3f [%.3f, %.3f]" % (interval["median"], interval["low"], interval["high"])
contains = "-" if ratio is None else ("yes" if ratio["low"] <= 1.0 <= ratio["high"] else "no")
print(f"{experiment:15s} {rep:>3s} {code:>4s}  {gate.get('outcome', '-'):12s} {text:26s} {contains:>8s} {float(wall):7.1f}")
PY
}

echo "servers on CPU $server_cpu (A 20ms, B 26ms, $workers workers), compare on CPU $load_cpu, hog on CPU $hog_cpu" >&2
start_server A "$port_a" 20ms
[[ " $experiments " == *" regression"* || " $experiments " == *"hog-regression"* ]] && start_server B "$port_b" 26ms
echo "rounds $rounds x $round, warm-up $warmup, $connections connections (closed model), gate '$gate'" >&2
printf '%-15s %3s %4s  %-12s %-26s %8s %7s\n' experiment rep exit outcome "p99 ratio B/A [95%]" "has 1.0" "wall s" | tee "$out/results.txt"

declare -A walls=()
run_experiment() { # EXPERIMENT B_PORT HOG(0/1)
  local experiment="$1" b_port="$2" with_hog="$3" rep result code wall
  for rep in $(seq 1 "$reps"); do
    hog_pid=""
    if [[ "$with_hog" == 1 ]]; then
      local total="${walls[${experiment#hog-}]:-40}"
      hog "$(python3 -c "print($total / 4)")" "$(python3 -c "print(max(1, round($total / 2)))")"
    fi
    result="$(compare "$experiment-$rep" "$b_port" "$rounds" "$round")"
    if [[ -n "$hog_pid" ]]; then kill "$hog_pid" 2>/dev/null || true; wait "$hog_pid" 2>/dev/null || true; fi
    read -r code wall <<<"$result"
    walls[$experiment]="$wall"
    line "$experiment" "$rep" "$code" "$wall" | tee -a "$out/results.txt"
  done
}

for experiment in $experiments; do
  case "$experiment" in
    null) run_experiment null "$port_a" 0 ;;
    regression) run_experiment regression "$port_b" 0 ;;
    hog-null) run_experiment hog-null "$port_a" 1 ;;
    hog-regression) run_experiment hog-regression "$port_b" 1 ;;
    walltime)
      seconds="$(python3 -c "import re,sys; m=re.fullmatch(r'([0-9.]+)(ms|s)', sys.argv[1]); v=float(m[1])*(0.001 if m[2]=='ms' else 1); print(('%g' % (v*$rounds)) + 's')" "$round")"
      for rep in $(seq 1 "$wall_reps"); do
        read -r code wall <<<"$(compare "single-$rep" "$port_a" 1 "$seconds")"
        printf '%-15s %3s %4s  %-12s %-26s %8s %7.1f\n' walltime-single "$rep" "$code" "-" "one run of $seconds each" "-" "$wall" | tee -a "$out/results.txt"
        read -r code wall <<<"$(compare "rounds-$rep" "$port_a" "$rounds" "$round")"
        printf '%-15s %3s %4s  %-12s %-26s %8s %7.1f\n' walltime-rounds "$rep" "$code" "-" "$rounds rounds of $round" "-" "$wall" | tee -a "$out/results.txt"
      done ;;
    *) echo "unknown experiment $experiment" >&2; exit 2 ;;
  esac
done

python3 - "$out/results.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]).read().splitlines()[1:]]
print()
print("%-15s %5s %5s %5s %13s %9s %15s" % ("experiment", "reps", "pass", "fail", "inconclusive", "other", "1.0 in interval"))
for name in ("null", "regression", "hog-null", "hog-regression"):
    mine = [r for r in rows if r[0] == name]
    if not mine:
        continue
    count = lambda outcome: sum(1 for r in mine if r[3] == outcome)
    other = len(mine) - count("pass") - count("fail") - count("inconclusive")
    inside = sum(1 for r in mine if r[-2] == "yes")
    print("%-15s %5d %5d %5d %13d %9d %11d/%d" % (name, len(mine), count("pass"), count("fail"),
          count("inconclusive"), other, inside, len(mine)))
single = [float(r[-1]) for r in rows if r[0] == "walltime-single"]
rounds = [float(r[-1]) for r in rows if r[0] == "walltime-rounds"]
if single and rounds:
    s, r = statistics.median(single), statistics.median(rounds)
    print("walltime: single-run comparison %.1f s, in rounds %.1f s (medians of %d), ratio %.2f (goal <= 1.5)"
          % (s, r, len(rounds), r / s))
PY
if [[ -n "${OUT:-}" ]]; then echo "reports and outputs: $out" >&2; fi
