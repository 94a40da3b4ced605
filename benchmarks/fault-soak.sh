#!/usr/bin/env bash
# Fault soak (issue 11): open-loop load (fault-soak/soak-load.mjs, half streamed) through the packaged gateway's learned
# route "soak" (weak and strong model on two providers, the shipped retries, breaker and bulkhead; 2 s timeouts)
# against upstreams failing 20% of their answers (fault-soak/faulty-upstream.mjs: 500, 503 + Retry-After, reset, hang,
# cut, slow), and in the same run the same load against fault-free upstreams as the baseline. Prints a markdown table.
# Usage: benchmarks/fault-soak.sh   (RUNS="200:300 400:180" rate:seconds pairs by default; ports 19200-19203, 18091)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bin/java-home
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests -DskipNodeSdk
runs=${RUNS:-"200:300 400:180"}
dir=benchmarks/fault-soak
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
FAULTS=1 node $dir/faulty-upstream.mjs 19200 & pids+=($!)
FAULTS=1 node $dir/faulty-upstream.mjs 19201 & pids+=($!)
FAULTS=0 node $dir/faulty-upstream.mjs 19202 & pids+=($!)
FAULTS=0 node $dir/faulty-upstream.mjs 19203 & pids+=($!)
provider() { # name port
  echo "-Dtriage.providers.$1.base-url=http://127.0.0.1:$2/v1 -Dtriage.providers.$1.read-timeout=2s" \
    "-Dtriage.providers.$1.first-byte-timeout=2s -Dtriage.providers.$1.idle-timeout=2s -Dtriage.models.$1.provider=$1"
}
route() { # name weak strong
  echo "-Dtriage.routes.$1.policy=learned -Dtriage.routes.$1.weak=$2 -Dtriage.routes.$1.strong=$3" \
    "-Dtriage.routes.$1.threshold=0.5"
}
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
# shellcheck disable=SC2046
java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true ${JAVA_OPTS:-} -Dquarkus.http.port=18091 \
  $(provider faulty-weak 19200) $(provider faulty-strong 19201) $(provider clean-weak 19202) \
  $(provider clean-strong 19203) $(route soak faulty-weak faulty-strong) $(route clean clean-weak clean-strong) \
  -Dtriage.database.embedded.port=54393 -Dtriage.database.embedded.data-dir=target/pgdata-soak \
  -jar target/quarkus-app/quarkus-run.jar > target/fault-soak.log 2>&1 & pids+=($!)
until curl -sf -o /dev/null localhost:18091/q/health/ready; do sleep 0.2; done
gateway=http://127.0.0.1:18091/v1/chat/completions
node $dir/soak-load.mjs $gateway clean 50 5 > /dev/null # JIT and the router's cache
sleep 2
written() { curl -s localhost:18091/q/metrics | awk '/^triage_ledger_written_total/ {s += $2} END {printf "%d", s}'; }
field() { node -e "const r = JSON.parse(process.argv[1]); console.log($2)" "$1"; }

. benchmarks/lib/cpu.sh
echo
echo "| upstreams | rate req/s | seconds | requests | 200 | complete answers | circuit open | errors by code |" \
  "p50 ms | p99 ms | ledger rows |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for run in $runs; do
  rate=${run%%:*}
  seconds=${run##*:}
  for route in clean soak; do
    before=$(written)
    result=$(node $dir/soak-load.mjs $gateway $route "$rate" "$seconds")
    sleep 2 # the ledger writes after the answers
    rows=$(( $(written) - before ))
    label=$([ $route = soak ] && echo "20% faults" || echo "fault-free (baseline)")
    echo "| $label | $rate | $seconds | $(field "$result" r.n) |" \
      "$(field "$result" '`${r.ok} (${(100 * r.ok / r.n).toFixed(2)}%)`') |" \
      "$(field "$result" '`${r.complete} (${(100 * r.complete / r.n).toFixed(2)}%)`') | $(field "$result" r.circuitOpen) |" \
      "$(field "$result" 'Object.entries(r.codes).map(([c, n]) => `${c} ${n}`).join(", ") || "none"') |" \
      "$(field "$result" 'r.p50.toFixed(1)') | $(field "$result" 'r.p99.toFixed(1)') | $rows |"
  done
done
echo
echo "Breaker changes during the run: $(grep -c 'circuit breaker' target/fault-soak.log || true);" \
  "ERROR log lines: $(grep -c ' ERROR ' target/fault-soak.log || true)"
