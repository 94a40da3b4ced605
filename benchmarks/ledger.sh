#!/usr/bin/env bash
# The ledger under load: the same open-loop load (gateway-overhead/load.mjs) through the packaged gateway against the
# fast mock upstream, with the ledger on (embedded PostgreSQL in a scratch folder) and off (baseline), in the same run.
# Prints latency for both and the rows the ledger wrote per second, the most rows ever waiting, and the rows dropped.
# Usage: benchmarks/ledger.sh   (RATE=1000 SECONDS=20 by default; ports 19100, 18091, 54393)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bin/java-home
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests -DskipNodeSdk
rate=${RATE:-1000}
seconds=${SECONDS_PER_RUN:-20}
dir=benchmarks/gateway-overhead
data=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$data"' EXIT
node $dir/mock-upstream.mjs 19100 0 & pids+=($!)
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
metric() { curl -s localhost:18091/q/metrics | awk -v name="$1" '$1 == name {print $2}'; }

echo "Load: $rate requests/s for $seconds s, open loop, pass-through model, 0 ms mock upstream."
echo
echo "| ledger | p50 ms | p90 ms | p99 ms | req/s | errors | rows written/s (total) | most rows waiting | rows dropped |"
echo "|---|---|---|---|---|---|---|---|---|"
for ledger in true false; do
  java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dquarkus.http.port=18091 \
    -Dtriage.ledger.enabled=$ledger -Dtriage.database.embedded.port=54393 -Dtriage.database.embedded.data-dir="$data/pg" \
    -Dtriage.providers.mock0.base-url=http://127.0.0.1:19100/v1 -Dtriage.models.mock0.provider=mock0 \
    -Dtriage.models.mock0.input-price=1 -Dtriage.models.mock0.output-price=2 \
    -jar target/quarkus-app/quarkus-run.jar > "target/ledger-bench-$ledger.log" 2>&1 & gateway=$!
  pids+=($gateway)
  until curl -sf -o /dev/null localhost:18091/q/health/ready; do sleep 0.2; done
  if [ $ledger = true ]; then
    until [ "$(metric triage_ledger_written_total)" != "" ] && curl -s localhost:18091/q/metrics | grep -q ledger; do sleep 0.2; done
  fi
  node $dir/load.mjs http://127.0.0.1:18091/v1/chat/completions mock0 false "$rate" 10 > /dev/null   # warm-up
  sleep 2
  before=$(metric triage_ledger_written_total); before=${before:-0}
  peak=0
  node $dir/load.mjs http://127.0.0.1:18091/v1/chat/completions mock0 false "$rate" "$seconds" > target/ledger-bench.json &
  load=$!
  start=$(date +%s%N)
  while kill -0 $load 2>/dev/null; do
    waiting=$(metric triage_ledger_buffered); waiting=${waiting%.*}
    [ "${waiting:-0}" -gt "$peak" ] && peak=$waiting
    sleep 0.5
  done
  sleep 1
  after=$(metric triage_ledger_written_total); after=${after:-0}
  elapsed=$(( ($(date +%s%N) - start) / 1000000 - 1000 ))
  dropped=$(metric triage_ledger_dropped_total)
  r=$(cat target/ledger-bench.json)
  f() { node -e "console.log(JSON.parse(process.argv[1]).$1.toFixed($2))" "$r"; }
  rows=$(node -e "console.log(((($after) - ($before)) / ($elapsed / 1000)).toFixed(0) + ' (' + (($after) - ($before)).toFixed(0) + ' rows)')")
  [ $ledger = true ] || { rows="(off)"; peak="(off)"; dropped="(off)"; }
  echo "| $([ $ledger = true ] && echo on || echo 'off (baseline)') | $(f p50 2) | $(f p90 2) | $(f p99 2) | $(f rps 0) | $(f errors 0) | $rows | $peak | ${dropped%.*} |"
  kill $gateway; wait $gateway 2>/dev/null || true
done
