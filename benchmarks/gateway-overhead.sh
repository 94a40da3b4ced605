#!/usr/bin/env bash
# Gateway overhead, Bifrost's method: the same open-loop load (load.mjs, RATE requests/s for SECONDS) against a fast mock
# upstream directly and through the packaged gateway, in the same run, for upstream latencies of 0 and 100 ms,
# non-streamed and streamed, on a pass-through model and on a learned route (a repeated prompt, so the router decides
# from its cache: distinct prompts cost the encoder, see decision-latency.sh). Prints a markdown table; overhead is
# gateway minus direct at the same percentile.
# Usage: benchmarks/gateway-overhead.sh   (RATE=1000 SECONDS=10 by default; ports 19100, 19101, 18090; JAVA_OPTS are
# added to the gateway's JVM, e.g. -XX:TieredStopAtLevel=1)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bin/java-home
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests -DskipNodeSdk
rate=${RATE:-1000}
seconds=${SECONDS_PER_RUN:-10}
dir=benchmarks/gateway-overhead
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
node $dir/mock-upstream.mjs 19100 0 & pids+=($!)
node $dir/mock-upstream.mjs 19101 100 & pids+=($!)
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true ${JAVA_OPTS:-} -Dquarkus.http.port=18090 \
  -Dtriage.providers.mock0.base-url=http://127.0.0.1:19100/v1 -Dtriage.models.mock0.provider=mock0 \
  -Dtriage.providers.mock100.base-url=http://127.0.0.1:19101/v1 -Dtriage.models.mock100.provider=mock100 \
  -Dtriage.routes.learned0.policy=learned -Dtriage.routes.learned0.strong=mock0 -Dtriage.routes.learned0.weak=mock0 \
  -Dtriage.routes.learned0.threshold=0.5 \
  -Dtriage.routes.learned100.policy=learned -Dtriage.routes.learned100.strong=mock100 \
  -Dtriage.routes.learned100.weak=mock100 -Dtriage.routes.learned100.threshold=0.5 \
  -jar target/quarkus-app/quarkus-run.jar > target/gateway-overhead.log 2>&1 & pids+=($!)
until curl -sf -o /dev/null localhost:18090/q/health/ready; do sleep 0.2; done

load() { node $dir/load.mjs "$1" "$2" "$3" "$rate" "${4:-$seconds}"; }
field() { node -e "console.log(JSON.parse(process.argv[1]).$2.toFixed(${3:-2}))" "$1"; }
direct() { echo "http://127.0.0.1:$((19100 + $1 / 100))/v1/chat/completions"; }
gateway=http://127.0.0.1:18090/v1/chat/completions

# warm the JIT of both paths
for round in 1 2; do
  for model in mock0 learned0; do load $gateway $model false 5 > /dev/null; load $gateway $model true 5 > /dev/null; done
done

echo "Load: $rate requests/s for $seconds s per row, open loop (latency from each request's scheduled send time)."
echo
echo "| upstream | mode | path | p50 ms | p90 ms | p99 ms | req/s | errors | overhead p50 ms | overhead p99 ms |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for latency in 0 100; do
  for stream in false true; do
    mode=$([ $stream = true ] && echo SSE || echo JSON)
    base=$(load "$(direct $latency)" mock $stream)
    row() {
      echo "| ${latency} ms | $mode | $1 | $(field "$2" p50) | $(field "$2" p90) | $(field "$2" p99) | $(field "$2" rps 0) |" \
        "$(field "$2" errors 0) | $3 | $4 |"
    }
    row direct "$base" "" ""
    for path in "pass-through:mock$latency" "learned route:learned$latency"; do
      result=$(load $gateway "${path#*:}" $stream)
      row "gateway, ${path%%:*}" "$result" \
        "$(node -e "console.log((JSON.parse(process.argv[1]).p50 - JSON.parse(process.argv[2]).p50).toFixed(2))" "$result" "$base")" \
        "$(node -e "console.log((JSON.parse(process.argv[1]).p99 - JSON.parse(process.argv[2]).p99).toFixed(2))" "$result" "$base")"
    done
  done
done
