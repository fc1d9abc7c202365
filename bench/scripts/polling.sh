#!/usr/bin/env bash
# Status polling scenario: the same JSON body served by Stageport (bearer token), nginx
# (static file) and WireMock standalone (stub), each loaded by wrk with 64 connections; then
# Stageport alone on a running operation (RUNNING_KEY, held in AwaitApproval), which no reference serves.
#   polling.sh STAGEPORT_URL STAGEPORT_PID TOKEN OP_KEY RUNNING_KEY WORK_DIR OUT.json SECONDS
# Besides wrk's figures it records the CPU time each JVM spent per request, which
# says more than requests/s when other work shares the machine.
# Sourced helpers expect wrk and nginx on PATH (bench/run installs them when it can).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url="$1"; server_pid="$2"; token="$3"; key="$4"; running_key="$5"; work="$6"; out="$7"; seconds="${8:-10}"
path="/api/deployments/v1/deployment-operations/$key"
mkdir -p "$work"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # URL [LOG]: the log's tail tells why a helper server never answered
  for _ in $(seq 1 200); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "not up: $1" >&2; [ -z "${2:-}" ] || tail -5 "$2" >&2; return 1
}
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }
load() { # URL TOKEN SECONDS [PID] -> JSON line, with the PID's CPU ms per request when given
  local before=0 line
  [ -n "${4:-}" ] && before=$(cpu_ms "$4")
  line=$(BENCH_TOKEN="$2" wrk -t2 -c64 -d"$3"s --latency -s "$here/wrk-json.lua" "$1" | sed -n 's/^WRK_JSON //p')
  if [ -n "${4:-}" ]; then
    local requests; requests=$(echo "$line" | sed 's/.*"requests":\([0-9]*\).*/\1/')
    line="${line%\}},\"cpuMsPerRequest\":$(awk -v a="$before" -v b="$(cpu_ms "$4")" -v n="$requests" 'BEGIN{printf "%.4f", (b-a)/(n>0?n:1)}')}"
  fi
  echo "$line"
}

curl -sf -H "Authorization: Bearer $token" "$url$path" > "$work/body.json"

# nginx: the body as a static file at the same path. Started as root, nginx runs its workers as
# another user (nobody, www-data), which cannot read below an owner-only folder such as /root or a
# mktemp -d one: then the workers run as root too. Started as anyone else they run as that user.
nginx_port=$(free_port)
nginx_user=""
[ "$(id -u)" != 0 ] || nginx_user="user root $(id -gn);"
mkdir -p "$work/nginx/root$(dirname "$path")" "$work/nginx/tmp"
cp "$work/body.json" "$work/nginx/root$path"
cat > "$work/nginx/nginx.conf" <<CONF
$nginx_user daemon off; worker_processes auto; pid $work/nginx/nginx.pid; error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off; client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp; uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$nginx_port; root $work/nginx/root; default_type application/json; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
nginx_pid=$!
# WireMock standalone: a stub answering the same path with the same body
wm_port=$(free_port)
wm_jar="${WIREMOCK_JAR:?WIREMOCK_JAR must point at wiremock-standalone.jar}"
mkdir -p "$work/wiremock/mappings" "$work/wiremock/__files"
cp "$work/body.json" "$work/wiremock/__files/body.json"
printf '{"request":{"method":"GET","url":"%s"},"response":{"status":200,"bodyFileName":"body.json","headers":{"Content-Type":"application/json"}}}\n' \
  "$path" > "$work/wiremock/mappings/status.json"
java -Xmx512m -jar "$wm_jar" --port "$wm_port" --bind-address 127.0.0.1 --root-dir "$work/wiremock" \
  --no-request-journal --disable-banner > "$work/wiremock.log" 2>&1 &
wm_pid=$!
trap 'kill $nginx_pid $wm_pid 2>/dev/null || true' EXIT
wait_for "http://127.0.0.1:$nginx_port$path" "$work/nginx/error.log"
wait_for "http://127.0.0.1:$wm_port$path" "$work/wiremock.log"

warm=$(( seconds / 2 > 2 ? seconds / 2 : 2 ))
load "$url$path" "$token" "$warm" > /dev/null            # JIT warm-up, not measured
load "http://127.0.0.1:$wm_port$path" "" "$warm" > /dev/null
stageport=$(load "$url$path" "$token" "$seconds" "$server_pid")
nginx=$(load "http://127.0.0.1:$nginx_port$path" "" "$seconds")
wiremock=$(load "http://127.0.0.1:$wm_port$path" "" "$seconds" "$wm_pid")
running_path="/api/deployments/v1/deployment-operations/$running_key"
still_running() { # WHEN: a target that ended would measure the finished operation's path instead
  case "$(curl -sf -H "Authorization: Bearer $token" "$url$running_path")" in
    *'"status":"Running"'*) ;;
    *) echo "polling: the running target $running_key is not Running $1" >&2; exit 1 ;;
  esac
}
still_running "before the load"
load "$url$running_path" "$token" "$warm" > /dev/null
running=$(load "$url$running_path" "$token" "$seconds" "$server_pid")
still_running "after the load"
kill $nginx_pid $wm_pid 2>/dev/null || true
wait $nginx_pid $wm_pid 2>/dev/null || true
trap - EXIT
printf '{"scenario":"status-polling","connections":64,"seconds":%s,"bodyBytes":%s,"stageport":%s,"nginx":%s,"wiremock":%s,"stageportRunning":%s}\n' \
  "$seconds" "$(wc -c < "$work/body.json")" "$stageport" "$nginx" "$wiremock" "$running" > "$out"
cat "$out"
