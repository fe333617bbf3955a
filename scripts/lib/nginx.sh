# shellcheck shell=bash
# Sourced by the peer scripts: starts one nginx worker pinned to a CPU, answering on
# 127.0.0.1:$port  /json (JSON hello) and /plaintext, `return 200` with no logging, and stops it
# on exit. Sets nginx_url. NGINX_LISTEN_OPTS is added to `listen` (h2c: `http2`), NGINX_CURL_OPTS to
# the readiness check's curl. Needs nginx on PATH or $NGINX (apt-get install -y nginx).

nginx_bin="${NGINX:-$(command -v nginx || true)}"
[[ -z "$nginx_bin" && -x /usr/sbin/nginx ]] && nginx_bin=/usr/sbin/nginx

# start_nginx WORKDIR PORT CPU
start_nginx() {
  local dir="$1" port="$2" cpu="$3"
  if [[ -z "$nginx_bin" ]]; then
    echo "skipping: nginx is missing (apt-get install -y nginx, or set NGINX)" >&2
    exit 0
  fi
  mkdir -p "$dir/nginx/logs"
  cat >"$dir/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 300s;
  server {
    listen 127.0.0.1:$port${NGINX_LISTEN_OPTS:+ $NGINX_LISTEN_OPTS};
    location = /json { default_type application/json; return 200 '{"message":"Hello, World!"}'; }
    location = /plaintext { default_type text/plain; return 200 'Hello, World!'; }
  }
}
CONF
  taskset -c "$cpu" "$nginx_bin" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" \
    >"$dir/nginx/logs/stdout" 2>&1 &
  nginx_pid=$!
  for _ in $(seq 1 50); do
    # shellcheck disable=SC2086 # NGINX_CURL_OPTS: several options, e.g. --http2-prior-knowledge
    if curl -fsS ${NGINX_CURL_OPTS:-} -o /dev/null "http://127.0.0.1:$port/json" 2>/dev/null; then
      nginx_url="http://127.0.0.1:$port"
      return 0
    fi
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "nginx did not start on 127.0.0.1:$port:" >&2
  cat "$dir/nginx/logs/error.log" "$dir/nginx/logs/stdout" >&2 2>/dev/null || true
  exit 3
}

stop_nginx() {
  if [[ -n "${nginx_pid:-}" ]]; then
    kill "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=""
  fi
}
