#!/usr/bin/env bash
# Gateway overhead, Bifrost's method: the same open-loop load (load.mjs, RATE requests/s for SECONDS) against a fast mock
# upstream directly and through the packaged gateway, in the same run, for upstream latencies of 0 and 100 ms,
# non-streamed and streamed, on a pass-through model and on a learned route (a repeated prompt, so the router decides
# from its cache: distinct prompts cost the encoder, see decision-latency.sh). Prints a markdown table; overhead is
# gateway minus direct at the same percentile; "connections" counts the upstream TCP connections a row opened (a
# gateway that keeps its connections alive opens few), and the gateway's CPU time (user + system) per 1,000 requests.
# Usage: benchmarks/gateway-overhead.sh   (RATE=1000 SECONDS=10 by default; ports 19100, 19101, 18090, 18091; JAVA_OPTS
# are added to the gateway's JVM, e.g. -XX:TieredStopAtLevel=1; BASELINE_APP=DIR, a quarkus-app folder of another
# build, adds its rows to the same run, e.g. git worktree add /tmp/base HEAD~1 && (cd /tmp/base && ./mvnw -q package
# -DskipTests -DskipNodeSdk) && BASELINE_APP=/tmp/base/target/quarkus-app benchmarks/gateway-overhead.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bin/java-home
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests -DskipNodeSdk
rate=${RATE:-1000}
seconds=${SECONDS_PER_RUN:-10}
dir=benchmarks/gateway-overhead
. benchmarks/lib/cpu.sh
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
node $dir/mock-upstream.mjs 19100 0 & pids+=($!)
node $dir/mock-upstream.mjs 19101 100 & pids+=($!)
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
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
  pid_of[$2]=$!
  until curl -sf -o /dev/null localhost:$2/q/health/ready; do sleep 0.2; done
}
declare -A pid_of
gateways=("gateway:18090")
gateway_on target/quarkus-app 18090 target/gateway-overhead.log
if [ -n "${BASELINE_APP:-}" ]; then
  gateway_on "$BASELINE_APP" 18091 target/gateway-overhead-baseline.log
  gateways+=("baseline:18091")
fi

load() { node $dir/load.mjs "$1" "$2" "$3" "$rate" "${4:-$seconds}"; }
field() { node -e "console.log(JSON.parse(process.argv[1]).$2.toFixed(${3:-2}))" "$1"; }
direct() { echo "http://127.0.0.1:$((19100 + $1 / 100))/v1/chat/completions"; }
cpu_ms() { echo $(( $(awk '{print $14 + $15}' /proc/$1/stat) * 1000 / $(getconf CLK_TCK) )); }
connections() { echo $(( $(curl -s localhost:19100/connections) + $(curl -s localhost:19101/connections) )); }

# warm the JIT of both paths
for round in 1 2; do
  for g in "${gateways[@]}"; do
    for model in mock0 learned0; do
      url=http://127.0.0.1:${g#*:}/v1/chat/completions
      load $url $model false 5 > /dev/null; load $url $model true 5 > /dev/null
    done
  done
done

echo "Load: $rate requests/s for $seconds s per row, open loop (latency from each request's scheduled send time)."
echo
echo "| upstream | mode | path | p50 ms | p90 ms | p99 ms | req/s | errors | overhead p50 ms | overhead p99 ms | connections | gateway CPU ms per 1k requests |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for latency in 0 100; do
  for stream in false true; do
    mode=$([ $stream = true ] && echo SSE || echo JSON)
    base=$(load "$(direct $latency)" mock $stream)
    row() {
      echo "| ${latency} ms | $mode | $1 | $(field "$2" p50) | $(field "$2" p90) | $(field "$2" p99) | $(field "$2" rps 0) |" \
        "$(field "$2" errors 0) | $3 | $4 | $5 | $6 |"
    }
    row direct "$base" "" "" "" ""
    for g in "${gateways[@]}"; do
      for path in "pass-through:mock$latency" "learned route:learned$latency"; do
        before=$(connections)
        cpu_before=$(cpu_ms ${pid_of[${g#*:}]})
        result=$(load http://127.0.0.1:${g#*:}/v1/chat/completions "${path#*:}" $stream)
        row "${g%%:*}, ${path%%:*}" "$result" \
          "$(node -e "console.log((JSON.parse(process.argv[1]).p50 - JSON.parse(process.argv[2]).p50).toFixed(2))" "$result" "$base")" \
          "$(node -e "console.log((JSON.parse(process.argv[1]).p99 - JSON.parse(process.argv[2]).p99).toFixed(2))" "$result" "$base")" \
          "$(( $(connections) - before ))" \
          "$(( ($(cpu_ms ${pid_of[${g#*:}]}) - cpu_before) * 1000 / (rate * seconds) ))"
      done
    done
  done
done
