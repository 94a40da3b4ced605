#!/usr/bin/env bash
# Cold start: JVM start to the HTTP server answering, to the first chat answer, to the first answer the learned
# router decided (by its first stage when the token table is cached and the prompt is clear, otherwise by the encoder),
# and to the encoder loaded (readiness data encoder-state), with RSS then. Variants, each built here and measured right after its build:
#   1. fast-jar, no cache (the baseline)
#   2. aot-jar + AppCDS archive built at package time (app-cds.jsa)
#   3. aot-jar + JDK 25 AOT cache trained by PackagedGatewayIT (app.aot, as bin/test writes it)
#   4. as 3, C1 only (-XX:TieredStopAtLevel=1: less JIT work at start, slower peak Java code)
#   5. as 3, TRIAGE_ROUTER_WHILE_LOADING=strong (the Knative setting: learned routes answer while the encoder loads)
#   6. as 3, TRIAGE_ROUTER_FIRST_STAGE=false (the encoder decides every prompt: no learned answer before it loads)
# The ledger is off (as on Knative, where the database is external and connected in the background) and the simulated
# upstreams answer without their simulated latency, so that the times are the gateway's. DJL's cache
# (extracted libtorch, converted encoder weights) is warm, as in the image Dockerfile.jvm builds. Median of RUNS starts.
# With BASELINE_APP=<another build's target/quarkus-app, packaged with its AOT cache>, it then alternates starts of this
# build and that one (both with their AOT caches), so that both rows see the same machine state.
# Usage: benchmarks/cold-start.sh   (RUNS=5; port 18092). Prints a markdown table.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bin/java-home
runs=${RUNS:-5}
port=18092
app=target/quarkus-app
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
options=(--enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dquarkus.http.port=$port -Dtriage.ledger.enabled=false
  -Dtriage.simulator.enabled=true -Dtriage.simulator.latency-scale=0)
body='{"model":"auto","messages":[{"role":"user","content":"Prove that there are infinitely many primes."}]}'
pid=
trap 'kill $pid 2>/dev/null || true' EXIT

# one start: prints "<ms to HTTP> <ms to first answer> <ms to first learned answer> <ms to encoder loaded> <RSS MB>"
start_once() {
  local start http answered= routed policy encoder
  start=$(date +%s%N)
  java "${options[@]}" "$@" -jar $app/quarkus-run.jar > target/cold-start.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null localhost:$port/q/health/live; do sleep 0.01; done
  http=$(( ($(date +%s%N) - start) / 1000000 ))
  while true; do
    policy=$(curl -sf -D - -o /dev/null localhost:$port/v1/chat/completions -H 'content-type: application/json' \
      -d "$body" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-triage-policy" {print $2}') || true
    if [ -n "$policy" ] && [ -z "$answered" ]; then answered=$(( ($(date +%s%N) - start) / 1000000 )); fi
    [ "$policy" = learned ] && break
    sleep 0.01
  done
  routed=$(( ($(date +%s%N) - start) / 1000000 ))
  until curl -s localhost:$port/q/health/ready | tr -d ' \n' | grep -q '"encoder-state":"ready"'; do sleep 0.01; done
  encoder=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "$http $answered $routed $encoder $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))"
  kill $pid; wait $pid 2>/dev/null || true
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# a row of medians from a file of start_once lines
row() {
  echo "| $1 | $(cut -d' ' -f1 "$2" | median) ms | $(cut -d' ' -f2 "$2" | median) ms | $(cut -d' ' -f3 "$2" | median) ms" \
    "| $(cut -d' ' -f4 "$2" | median) ms | $(cut -d' ' -f5 "$2" | median) MB |"
}

measure() {
  local label=$1; shift
  local results=()
  start_once "$@" > /dev/null # the first start after a build warms the page cache
  for _ in $(seq "$runs"); do results+=("$(start_once "$@")"); done
  printf '%s\n' "${results[@]}" > target/cold-start-runs.txt
  row "$label" target/cold-start-runs.txt
}

quiet() { "$@" > target/cold-start-build.log 2>&1 || { tail -40 target/cold-start-build.log; exit 1; }; }

. benchmarks/lib/cpu.sh
echo
echo "| variant | JVM start to HTTP up | to first answer | to first learned answer | to encoder loaded | RSS then |"
echo "|---|---|---|---|---|---|"
quiet ./mvnw -B package -DskipTests -DskipNodeSdk -Dquarkus.package.jar.aot.enabled=false
measure "fast-jar, no cache"

# the aot-jar package (writes app-cds.jsa) and PackagedGatewayIT's run, which trains app.aot
quiet ./mvnw -B verify -DskipNodeSdk -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
measure "aot-jar + AppCDS archive ($(( $(stat -c %s $app/app-cds.jsa) / 1048576 )) MB)" -XX:SharedArchiveFile=$app/app-cds.jsa
measure "aot-jar + AOT cache trained by the IT ($(( $(stat -c %s $app/app.aot) / 1048576 )) MB)" -XX:AOTCache=$app/app.aot
measure "aot-jar + AOT cache, C1 only" -XX:AOTCache=$app/app.aot -XX:TieredStopAtLevel=1
measure "aot-jar + AOT cache, while-loading=strong" -XX:AOTCache=$app/app.aot -Dtriage.router.while-loading=strong
measure "aot-jar + AOT cache, first stage off (baseline)" -XX:AOTCache=$app/app.aot -Dtriage.router.first-stage=false
if [ -n "${BASELINE_APP:-}" ]; then
  built=$app
  : > target/cold-start-this.txt; : > target/cold-start-baseline.txt
  for app in "$built" "$BASELINE_APP"; do start_once -XX:AOTCache=$app/app.aot > /dev/null; done
  for _ in $(seq "$runs"); do
    app=$built; start_once -XX:AOTCache=$app/app.aot >> target/cold-start-this.txt
    app=$BASELINE_APP; start_once -XX:AOTCache=$app/app.aot >> target/cold-start-baseline.txt
  done
  row "this build, AOT cache (alternating)" target/cold-start-this.txt
  row "baseline $BASELINE_APP, AOT cache (alternating)" target/cold-start-baseline.txt
fi
