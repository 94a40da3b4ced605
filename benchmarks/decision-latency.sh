#!/usr/bin/env bash
# Starts the packaged gateway (demo config), measures time to the first routed answer and RSS, then the learned
# router's decision latency and throughput (decision-latency.mjs); then restarts it with micro-batching off
# (triage.router.max-batch=1) as the in-run baseline for throughput. Prints markdown tables.
# Usage: benchmarks/decision-latency.sh   (builds the jar if needed; uses port 18080)
#        TRIAGE_ROUTER_ARTIFACTS=DIR benchmarks/decision-latency.sh   (another router, e.g. the previous one as baseline)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bin/java-home
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests -DskipNodeSdk
port=18080
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
pid=
trap 'kill $pid 2>/dev/null || true' EXIT

# starts the gateway with the given max-batch and waits for its first routed answer; sets pid and first (ms)
start_gateway() {
  local start body
  start=$(date +%s%N)
  PORT=$port TRIAGE_SIMULATOR_ENABLED=true TRIAGE_SIMULATOR_LATENCY_SCALE=0 TRIAGE_ROUTER_MAX_BATCH=$1 java --enable-native-access=ALL-UNNAMED \
    -Dai.djl.offline=true -jar target/quarkus-app/quarkus-run.jar > "target/decision-latency-gateway-$1.log" 2>&1 &
  pid=$!
  body='{"model":"auto","messages":[{"role":"user","content":"How do I sort a list in Python?"}]}'
  until curl -sf -o /dev/null "localhost:$port/v1/chat/completions" -H 'content-type: application/json' -d "$body" \
      && curl -sf -o /dev/null "localhost:$port/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo "gateway died, see target/decision-latency-gateway-$1.log"; exit 1; }
    sleep 0.05
  done
  first=$(( ($(date +%s%N) - start) / 1000000 ))
}
rss() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )); }

. benchmarks/lib/cpu.sh
echo "router: $(grep -m1 '"version"' "${TRIAGE_ROUTER_ARTIFACTS:-models/router}/manifest.json" | cut -d'"' -f4)," \
  "$(grep -m1 '"layers"' "${TRIAGE_ROUTER_ARTIFACTS:-models/router}/manifest.json" | tr -dc 0-9) layers (0: all)"
echo
start_gateway 8
echo "| startup | value |"
echo "|---|---|"
echo "| JVM start to first routed answer (learned route, encoder loaded) | ${first} ms |"
echo "| RSS after load | $(rss) MB |"
echo
node benchmarks/decision-latency.mjs "http://localhost:$port" > target/decision-latency-batched.md
head -n -1 target/decision-latency-batched.md
echo "| throughput | decisions/s | decision p50 ms | p99 ms (queueing included) |"
echo "|---|---|---|---|"
echo "$(tail -n 1 target/decision-latency-batched.md | sed 's/^| /| micro-batching on (max-batch 8): /')"
rss_after=$(rss)
kill $pid; wait $pid 2>/dev/null || true
start_gateway 1
echo "$(node benchmarks/decision-latency.mjs "http://localhost:$port" throughput-only | sed 's/^| /| baseline, micro-batching off (max-batch 1): /')"
echo
echo "RSS after the batched run: ${rss_after} MB"
