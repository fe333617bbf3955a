#!/usr/bin/env bash
# Open-model latency of apitune against wrk2, side by side on the same nginx: for each rate,
# wrk2 -R and `apitune bench --url … --rate` (64 connections each, same duration), then a
# table of p50/p99/p99.9 of both, the p99 ratio, apitune's send lag p99 and its limited verdict.
# Include a rate the machine cannot generate (default 200,000/s) to see the verdict at work.
#
# usage: scripts/peer-latency.sh [RATE ...]          (default: 10000 20000 200000)
# env:   DURATION (30s)  CONNECTIONS (64)  WARMUP (apitune's --warmup; default: apitune's own)
#        NGINX_CPU (1)  DRIVER_CPU (0: wrk2 and apitune both run there, one after the other)
#        PORT (18180)  WRK2 (path of wrk2; default: built by ../shared/peers/build-wrk2.sh or
#        `wrk2` on PATH)  NGINX (nginx binary)  APITUNE_JAVA_OPTS (passed to the launcher)
#        KEEP (a directory to keep the runs in)
# needs: nginx, wrk2, taskset, curl, python3; the apitune launcher builds the jar if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
here="$(pwd)"
# shellcheck source=lib/nginx.sh
source scripts/lib/nginx.sh

rates=("$@")
((${#rates[@]})) || rates=(10000 20000 200000)
duration="${DURATION:-30s}"
connections="${CONNECTIONS:-64}"
nginx_cpu="${NGINX_CPU:-1}"
driver_cpu="${DRIVER_CPU:-0}"
port="${PORT:-18180}"

wrk2="${WRK2:-}"
if [[ -z "$wrk2" ]]; then
  if command -v wrk2 >/dev/null; then
    wrk2="$(command -v wrk2)"
  elif [[ -x "$here/../shared/peers/build-wrk2.sh" ]] || [[ -x /work/shared/peers/build-wrk2.sh ]]; then
    builder="$here/../shared/peers/build-wrk2.sh"
    [[ -x "$builder" ]] || builder=/work/shared/peers/build-wrk2.sh
    wrk2="$("$builder" 2>/dev/null || true)"
  fi
fi
if [[ -z "$wrk2" || ! -x "$wrk2" ]]; then
  echo "skipping: wrk2 is missing (set WRK2, put wrk2 on PATH, or build it with shared/peers/build-wrk2.sh)" >&2
  exit 0
fi
command -v taskset >/dev/null || { echo "skipping: taskset is missing (util-linux)" >&2; exit 0; }

work="${KEEP:-$(mktemp -d)}"
mkdir -p "$work"
cleanup() {
  stop_nginx
  [[ -n "${KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT
start_nginx "$work" "$port" "$nginx_cpu"
url="$nginx_url/json"
warmup_flag=()
[[ -n "${WARMUP:-}" ]] && warmup_flag=(--warmup "$WARMUP")
# Build the jar now, so that no build lands inside a measurement.
./apitune --version >/dev/null
echo "nginx (1 worker) on CPU $nginx_cpu, $url; wrk2 and apitune on CPU $driver_cpu," \
  "$connections connections, $duration per run; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

results=()
for rate in "${rates[@]}"; do
  echo "rate $rate/s: wrk2..." >&2
  taskset -c "$driver_cpu" "$wrk2" -t1 -c"$connections" -d"$duration" -R"$rate" --latency "$url" \
    >"$work/wrk2-$rate.txt" 2>&1 || true
  echo "rate $rate/s: apitune..." >&2
  rm -rf "$work/apitune-$rate"
  taskset -c "$driver_cpu" ./apitune bench --url "$url" --rate "$rate" -c "$connections" \
    --duration "$duration" "${warmup_flag[@]}" --timeout 5s --quiet --out "$work/apitune-$rate" \
    >"$work/apitune-$rate.txt" 2>&1 || true
  results+=("$rate" "$work/wrk2-$rate.txt" "$work/apitune-$rate")
done

python3 - "${results[@]}" <<'PY'
import json, os, subprocess, sys
here = os.path.join("scripts", "lib", "figures.py")
def figures(kind, path):
    if kind == "apitune" and not os.path.exists(os.path.join(path, "report.json")):
        return None
    out = subprocess.run([sys.executable, here, kind, path], capture_output=True, text=True)
    return json.loads(out.stdout) if out.returncode == 0 and out.stdout.strip() else None
def f(v):
    return "-" if v is None else f"{v:.3f}"
args = sys.argv[1:]
print(f"{'rate/s':>9}  {'wrk2 p50':>9} {'p99':>8} {'p99.9':>8}  {'apitune p50':>11} {'p99':>8} {'p99.9':>8}"
      f"  {'p99 ratio':>9}  {'sendLag p99':>11}  {'achieved/s':>10}  limited")
for i in range(0, len(args), 3):
    rate, wrk_file, run_dir = args[i], args[i + 1], args[i + 2]
    w = figures("wrk", wrk_file) or {}
    a = figures("apitune", run_dir)
    if a is None:
        print(f"{rate:>9}  apitune wrote no report: see {run_dir}.txt")
        continue
    ratio = a["p99"] / w["p99"] if w.get("p99") else None
    lag = (a.get("sendLag") or {}).get("p99")
    limited = a.get("limited")
    verdict = "n/a (not in report.json yet)" if limited is None else str(limited).lower()
    if limited:
        verdict += f": {a.get('reason', '')}"
    print(f"{rate:>9}  {f(w.get('p50')):>9} {f(w.get('p99')):>8} {f(w.get('p99.9')):>8}  "
          f"{f(a['p50']):>11} {f(a['p99']):>8} {f(a['p99.9']):>8}  "
          f"{('-' if ratio is None else f'{ratio:.2f}x'):>9}  {f(lag):>11}  {f(a['rate']):>10}  {verdict}")
print("latency in ms; p99 ratio = apitune / wrk2 (goal <= 1.5, parity 1.0)")
PY
