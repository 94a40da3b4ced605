#!/usr/bin/env bash
# Memory allocated and CPU spent per request by the gateway alone: the packaged gateway on a 0 ms mock upstream (the
# overhead benchmark's), 3 x 8 s of warm-up, then REQUESTS requests at 1,000/s while JFR samples each thread's
# allocation counter (jdk.ThreadAllocationStatistics, every second); bytes allocated by all threads and CPU time
# (user + system) divided by the requests. One gateway at a time, so that nothing else competes for the 2 cores;
# BASELINE_APP=DIR (a quarkus-app folder of another build) alternates with it, ROUNDS times each.
# Usage: benchmarks/allocations.sh   (REQUESTS=10000 ROUNDS=2; STREAM=true for SSE; ports 19100, 18090; prints a table)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bin/java-home
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests -DskipNodeSdk
requests=${REQUESTS:-10000}
rounds=${ROUNDS:-2}
stream=${STREAM:-false}
dir=benchmarks/gateway-overhead
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
. benchmarks/lib/cpu.sh
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
node $dir/mock-upstream.mjs 19100 0 & pids+=($!)
cat > target/allocations.jfc <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.ThreadAllocationStatistics"><setting name="enabled">true</setting><setting name="period">1 s</setting></event>
</configuration>
JFC
ticks() { awk '{print $14 + $15}' /proc/$1/stat; }

measure() { # label, app folder: prints a table row
  java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dquarkus.http.port=18090 \
    -Dtriage.providers.mock0.base-url=http://127.0.0.1:19100/v1 -Dtriage.models.mock0.provider=mock0 \
    -Dtriage.database.embedded.port=54490 -Dtriage.database.embedded.data-dir=target/pgdata-bench-18090 \
    -jar "$2/quarkus-run.jar" > target/allocations-gateway.log 2>&1 &
  local gateway=$! url=http://127.0.0.1:18090/v1/chat/completions
  pids+=($gateway)
  until curl -sf -o /dev/null localhost:18090/q/health/ready; do sleep 0.2; done
  for _ in 1 2 3; do node $dir/load.mjs $url mock0 $stream 1000 8 > /dev/null; done
  rm -f target/allocations.jfr
  jcmd $gateway JFR.start name=allocations settings="$root/target/allocations.jfc" > /dev/null
  sleep 1.5
  local before after result allocated
  before=$(ticks $gateway)
  result=$(node $dir/load.mjs $url mock0 $stream 1000 $((requests / 1000)))
  after=$(ticks $gateway)
  sleep 1.5
  jcmd $gateway JFR.stop name=allocations filename="$root/target/allocations.jfr" > /dev/null
  allocated=$(jfr print --events jdk.ThreadAllocationStatistics target/allocations.jfr | python3 benchmarks/allocations/per-thread.py)
  kill $gateway; wait $gateway 2>/dev/null || true
  echo "| $1 | $(( allocated / requests / 1024 )) | $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests )) |" \
    "$(node -e "const r = JSON.parse(process.argv[1]); console.log(r.p50.toFixed(2) + ' / ' + r.p99.toFixed(2) + ' | ' + r.errors)" "$result") |"
}

echo "$requests $([ "$stream" = true ] && echo streamed || echo JSON) requests at 1,000/s per row, pass-through model, 0 ms upstream."
echo
echo "| build | kB allocated per request | CPU ms per 1k requests | p50 / p99 ms | errors |"
echo "|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  [ -z "${BASELINE_APP:-}" ] || measure baseline "$BASELINE_APP"
  measure gateway target/quarkus-app
done
