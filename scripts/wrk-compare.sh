#!/usr/bin/env bash
# Efficiency of the load generator, closed model: drives one target pinned to its own core,
# first with wrk and then with `apitune bench --url` pinned to another core, with the same
# connections and duration and apitune's default warm-up, and prints both request rates and
# their ratio. Goal: apitune >= 0.9 x wrk (>= 1.0 beyond).
#
# The default target is nginx (1 worker, `return 200`): a target much faster than either
# generator, so the figure is the generators' own. TARGET=apitune drives `apitune serve`
# instead (a slower target hides the generator's cost: the first release's ratio of 0.84-1.13
# against it was 0.45-0.78 against nginx).
#
# usage: scripts/wrk-compare.sh [CONNECTIONS=64] [DURATION=15s]
# env:   TARGET (nginx | apitune)  SERVER_CPU (1)  DRIVER_CPU (0)  ROUNDS (3)  PORT (18181)
#        PATH_ (/plaintext)  WARMUP (apitune's --warmup; default: apitune's own)
#        APITUNE_JAVA_OPTS (passed to the launcher)  NGINX (nginx binary)
# needs: wrk (apt-get install -y wrk), taskset, curl, python3, nginx for TARGET=nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/nginx.sh
source scripts/lib/nginx.sh

connections="${1:-64}"
duration="${2:-15s}"
target="${TARGET:-nginx}"
server_cpu="${SERVER_CPU:-1}"
driver_cpu="${DRIVER_CPU:-0}"
port="${PORT:-18181}"
path="${PATH_:-/plaintext}"
rounds="${ROUNDS:-3}"

command -v wrk >/dev/null || { echo "skipping: wrk is missing (apt-get install -y wrk)" >&2; exit 0; }
command -v taskset >/dev/null || { echo "skipping: taskset is missing (util-linux)" >&2; exit 0; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
  stop_nginx
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

./apitune --version >/dev/null  # build now, not inside a measurement
if [[ "$target" == nginx ]]; then
  start_nginx "$work" "$port" "$server_cpu"
  base="$nginx_url"
else
  taskset -c "$server_cpu" ./apitune serve --port "$port" >"$work/serve.out" 2>"$work/serve.err" &
  server_pid=$!
  base=""
  for _ in $(seq 1 120); do
    base="$(sed -n 's/^apitune serve listening on \(http[^ ]*\).*/\1/p' "$work/serve.out" | head -1)"
    [[ -n "$base" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 3; }
    sleep 0.5
  done
  [[ -n "$base" ]] || { echo "apitune serve did not start" >&2; exit 3; }
fi
url="$base$path"
warmup_flag=()
[[ -n "${WARMUP:-}" ]] && warmup_flag=(--warmup "$WARMUP")
echo "target $target $url on CPU $server_cpu; drivers on CPU $driver_cpu; $connections connections," \
  "$duration, $rounds rounds; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Warm the target so neither driver pays for it (nginx needs none; apitune serve does).
taskset -c "$driver_cpu" wrk -t1 -c"$connections" -d5s "$url" >/dev/null

# Alternate the two drivers and keep each one's best run, so a burst of load from something
# else on the machine does not decide the ratio.
runs=()
for round in $(seq 1 "$rounds"); do
  taskset -c "$driver_cpu" wrk -t1 -c"$connections" -d"$duration" "$url" >"$work/wrk-$round.txt"
  taskset -c "$driver_cpu" ./apitune bench --url "$url" --connections "$connections" \
    --duration "$duration" "${warmup_flag[@]}" --quiet --out "$work/apitune-$round" \
    >"$work/bench-$round.out"
  runs+=("$work/wrk-$round.txt" "$work/apitune-$round")
done

python3 - "$connections" "$duration" "${runs[@]}" <<'PY'
import json, subprocess, sys
conns, dur, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
def figures(kind, path):
    out = subprocess.run([sys.executable, "scripts/lib/figures.py", kind, path],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)
best_wrk, best_apitune = 0.0, None
for i in range(0, len(paths), 2):
    w, a = figures("wrk", paths[i]), figures("apitune", paths[i + 1])
    print(f"round {i // 2 + 1}: wrk {w['rate']:10.1f} req/s   apitune {a['rate']:10.1f} req/s"
          f" (errors {a['errors']}, limited {a['limited']})", file=sys.stderr)
    best_wrk = max(best_wrk, w["rate"])
    if best_apitune is None or a["rate"] > best_apitune["rate"]:
        best_apitune = a
print(f"wrk      {best_wrk:12.1f} req/s  (best of the rounds)")
print(f"apitune  {best_apitune['rate']:12.1f} req/s  (best of the rounds; errors {best_apitune['errors']})")
print(f"ratio    {best_apitune['rate'] / best_wrk:12.2f} x wrk  (goal >= 0.90; {conns} connections, {dur})")
PY
