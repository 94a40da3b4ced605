#!/usr/bin/env bash
# Gateway overhead, Bifrost's method: the same open-loop load (load.mjs, RATE requests/s for SECONDS) against a fast mock
# upstream directly and through the packaged gateway, in the same run, for upstream latencies of 0 and 100 ms,
# non-streamed and streamed, on a pass-through model and on a learned route (a repeated prompt, so the router decides
# from its cache: distinct prompts cost the encoder, see decision-latency.sh), next to nginx (Debian, proxy_pass with
# kept-alive upstream connections) as the floor and the Portkey gateway (npm) as a peer. Prints a markdown table;
# overhead is path minus direct at the same percentile; "connections" counts the upstream TCP connections a row opened
# (a proxy that keeps its connections alive opens few), and CPU is the proxy's CPU time (user + system, all its
# processes) per 1,000 requests. ROUNDS interleaves that many rounds of every row.
# Usage: benchmarks/gateway-overhead.sh   (RATE=1000 SECONDS_PER_RUN=10 ROUNDS=1 by default; PEERS=0 leaves out nginx
# and Portkey, which are installed on first use (apt as root, npm into target/peers); ports 19100, 19101, 18090-18094;
# JAVA_OPTS are added to the gateway's JVM, e.g. -XX:TieredStopAtLevel=1; BASELINE_APP=DIR, a quarkus-app folder of
# another build, adds its rows to the same run, e.g. git worktree add /tmp/base HEAD~1 && (cd /tmp/base && ./mvnw -q
# package -DskipTests -DskipNodeSdk) && BASELINE_APP=/tmp/base/target/quarkus-app benchmarks/gateway-overhead.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bin/java-home
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests -DskipNodeSdk
rate=${RATE:-1000}
seconds=${SECONDS_PER_RUN:-10}
rounds=${ROUNDS:-1}
peers=${PEERS:-1}
dir=benchmarks/gateway-overhead
. benchmarks/lib/cpu.sh
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
node $dir/mock-upstream.mjs 19100 0 & pids+=($!)
node $dir/mock-upstream.mjs 19101 100 & pids+=($!)
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
declare -A pids_of # port -> the processes of what listens there
await_port() { until curl -s -o /dev/null "localhost:$1${2:-}"; do sleep 0.2; done; }
gateway_on() { # app folder, port, log
  java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true ${JAVA_OPTS:-} -Dquarkus.http.port=$2 \
    -Dtriage.providers.mock0.base-url=http://127.0.0.1:19100/v1 -Dtriage.models.mock0.provider=mock0 \
    -Dtriage.providers.mock100.base-url=http://127.0.0.1:19101/v1 -Dtriage.models.mock100.provider=mock100 \
    -Dtriage.routes.learned0.policy=learned -Dtriage.routes.learned0.strong=mock0 -Dtriage.routes.learned0.weak=mock0 \
    -Dtriage.routes.learned0.threshold=0.5 \
    -Dtriage.routes.learned100.policy=learned -Dtriage.routes.learned100.strong=mock100 \
    -Dtriage.routes.learned100.weak=mock100 -Dtriage.routes.learned100.threshold=0.5 \
    -Dtriage.database.embedded.port=$(($2 + 36400)) -Dtriage.database.embedded.data-dir=target/pgdata-bench-$2 \
    -jar "$1/quarkus-run.jar" > "$3" 2>&1 & pids+=($!)
  pids_of[$2]=$!
  until curl -sf -o /dev/null localhost:$2/q/health/ready; do sleep 0.2; done
}
nginx_on() { # one server per upstream latency: 18092 -> 19100, 18094 -> 19101
  local prefix=$root/target/nginx-bench
  mkdir -p "$prefix/logs"
  cat > "$prefix/nginx.conf" <<CONF
worker_processes auto;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $prefix/body;
  proxy_temp_path $prefix/proxy;
  upstream mock0 { server 127.0.0.1:19100; keepalive 256; }
  upstream mock100 { server 127.0.0.1:19101; keepalive 256; }
  server { listen 127.0.0.1:18092; location / { proxy_pass http://mock0; proxy_http_version 1.1;
    proxy_set_header Connection ""; proxy_buffering off; } }
  server { listen 127.0.0.1:18094; location / { proxy_pass http://mock100; proxy_http_version 1.1;
    proxy_set_header Connection ""; proxy_buffering off; } }
}
CONF
  nginx -p "$prefix" -c "$prefix/nginx.conf" -g 'daemon off;' & pids+=($!)
  await_port 18092
  pids_of[18092]="$! $(pgrep -P $! | xargs)"
  pids_of[18094]=${pids_of[18092]}
}
portkey_on() {
  local app=target/peers/portkey/node_modules/@portkey-ai/gateway/build/start-server.js
  [ -f $app ] || npm install --silent --no-audit --no-fund --prefix target/peers/portkey @portkey-ai/gateway@1.15.2
  node $app --port=18093 --headless > target/gateway-overhead-portkey.log 2>&1 & pids+=($!)
  pids_of[18093]=$!
  await_port 18093
}
gateways=("gateway:18090")
gateway_on target/quarkus-app 18090 target/gateway-overhead.log
if [ -n "${BASELINE_APP:-}" ]; then
  gateway_on "$BASELINE_APP" 18091 target/gateway-overhead-baseline.log
  gateways+=("baseline:18091")
fi
if [ "$peers" = 1 ]; then
  command -v nginx > /dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q nginx > /dev/null; } || true
  if command -v nginx > /dev/null; then nginx_on; else echo "nginx left out: apt-get install nginx"; peers=portkey; fi
  portkey_on
fi

load() { HEADERS="${headers:-}" node $dir/load.mjs "$1" "$2" "$3" "$rate" "${4:-$seconds}" < /dev/null; }
field() { node -e "console.log(JSON.parse(process.argv[1]).$2?.toFixed(${3:-2}) ?? '-')" "$1"; }
overhead() { node -e "const [a, b] = process.argv.slice(1).map(JSON.parse);
  console.log(a.$1 === null ? '-' : (a.$1 - b.$1).toFixed(2))" "$2" "$3"; }
direct() { echo "http://127.0.0.1:$((19100 + $1 / 100))/v1/chat/completions"; }
cpu_ms() { local total=0 pid; for pid in $1; do total=$((total + $(awk '{print $14 + $15}' /proc/$pid/stat))); done
  echo $(( total * 1000 / $(getconf CLK_TCK) )); }
connections() { echo $(( $(curl -s localhost:19100/connections) + $(curl -s localhost:19101/connections) )); }
# what each row measures for an upstream latency: "label|port|model|headers"
paths() {
  for g in "${gateways[@]}"; do
    echo "${g%%:*}, pass-through|${g#*:}|mock$1|"
    echo "${g%%:*}, learned route|${g#*:}|learned$1|"
  done
  [ "$peers" != 1 ] || echo "nginx|$((18092 + $1 / 50))|mock|"
  [ "$peers" = 0 ] || echo "portkey|18093|mock|{\"x-portkey-provider\":\"openai\",\"authorization\":\"Bearer none\",\"x-portkey-custom-host\":\"$(direct $1 | sed 's|/chat/completions||')\"}"
}

# warm the JIT of every path
for round in 1 2; do
  for stream in false true; do
    while IFS='|' read -r label port model headers; do
      load http://127.0.0.1:$port/v1/chat/completions $model $stream 5 > /dev/null
    done < <(paths 0)
  done
done

echo "Load: $rate requests/s for $seconds s per row, open loop (latency from each request's scheduled send time), $rounds round(s)."
echo
echo "| upstream | mode | round | path | p50 ms | p90 ms | p99 ms | req/s | errors | overhead p50 ms | overhead p99 ms | connections | CPU ms per 1k requests |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for latency in 0 100; do
  for stream in false true; do
    mode=$([ $stream = true ] && echo SSE || echo JSON)
    for round in $(seq 1 $rounds); do
      headers=
      base=$(load "$(direct $latency)" mock $stream)
      row() {
        echo "| ${latency} ms | $mode | $round | $1 | $(field "$2" p50) | $(field "$2" p90) | $(field "$2" p99) |" \
          "$(field "$2" rps 0) | $(field "$2" errors 0) | $3 | $4 | $5 | $6 |"
      }
      row direct "$base" "" "" "" ""
      while IFS='|' read -r label port model headers; do
        before=$(connections)
        cpu_before=$(cpu_ms "${pids_of[$port]}")
        result=$(load http://127.0.0.1:$port/v1/chat/completions $model $stream)
        row "$label" "$result" \
          "$(overhead p50 "$result" "$base")" "$(overhead p99 "$result" "$base")" \
          "$(( $(connections) - before ))" \
          "$(( ($(cpu_ms "${pids_of[$port]}") - cpu_before) * 1000 / (rate * seconds) ))"
      done < <(paths $latency)
    done
  done
done
