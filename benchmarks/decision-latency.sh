#!/usr/bin/env bash
# Starts the packaged gateway (demo config), measures time to the first routed answer and RSS, then the learned
# router's decision latency and throughput (decision-latency.mjs). Prints markdown tables.
# Usage: benchmarks/decision-latency.sh   (builds the jar if needed; uses port 18080)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bin/java-home
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests -DskipNodeSdk
port=18080
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
start=$(date +%s%N)
PORT=$port TRIAGE_SIMULATOR_LATENCY_SCALE=0 java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -jar target/quarkus-app/quarkus-run.jar \
  > target/decision-latency-gateway.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
body='{"model":"auto","messages":[{"role":"user","content":"How do I sort a list in Python?"}]}'
until curl -sf -o /dev/null "localhost:$port/v1/chat/completions" -H 'content-type: application/json' -d "$body" \
    && curl -sf -o /dev/null "localhost:$port/q/health/ready"; do
  kill -0 $pid 2>/dev/null || { echo "gateway died, see target/decision-latency-gateway.log"; exit 1; }
  sleep 0.05
done
first=$(( ($(date +%s%N) - start) / 1000000 ))
rss=$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
echo "| startup | value |"
echo "|---|---|"
echo "| JVM start to first routed answer (learned route, encoder loaded) | ${first} ms |"
echo "| RSS after load | ${rss} MB |"
echo
node benchmarks/decision-latency.mjs "http://localhost:$port"
echo
echo "RSS after the run: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
