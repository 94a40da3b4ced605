#!/usr/bin/env bash
# Cold start: JVM start to the HTTP server answering, and to the first answer routed by the learned router (encoder
# loaded), with RSS after it; for the plain fast-jar and with a JDK 25 AOT cache (JEP 483/514) trained by a run of
# this script's own workload (routed, streamed and direct requests). The ledger is off (as on Knative, where the
# database is external and its connection is made in the background). Median of RUNS starts. Prints a markdown table.
# Usage: benchmarks/cold-start.sh   (RUNS=3; port 18092)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bin/java-home
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests -DskipNodeSdk
runs=${RUNS:-3}
port=18092
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
options=(--enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dquarkus.http.port=$port -Dtriage.ledger.enabled=false)
body='{"model":"auto","messages":[{"role":"user","content":"Prove that there are infinitely many primes."}]}'
pid=
trap 'kill $pid 2>/dev/null || true' EXIT

# one start: prints "<ms to HTTP> <ms to first learned answer> <RSS MB>"
start_once() {
  local start http routed
  start=$(date +%s%N)
  java "${options[@]}" "$@" -jar target/quarkus-app/quarkus-run.jar > target/cold-start.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null localhost:$port/q/health/live; do sleep 0.01; done
  http=$(( ($(date +%s%N) - start) / 1000000 ))
  until curl -sf -D - -o /dev/null localhost:$port/v1/chat/completions -H 'content-type: application/json' -d "$body" \
      | grep -qi '^x-triage-policy: learned'; do sleep 0.01; done
  routed=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "$http $routed $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))"
  kill $pid; wait $pid 2>/dev/null || true
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() {
  local label=$1; shift
  local results=()
  for _ in $(seq "$runs"); do results+=("$(start_once "$@")"); done
  printf '%s\n' "${results[@]}" > target/cold-start-runs.txt
  echo "| $label | $(cut -d' ' -f1 target/cold-start-runs.txt | median) ms | $(cut -d' ' -f2 target/cold-start-runs.txt | median) ms |" \
    "$(cut -d' ' -f3 target/cold-start-runs.txt | median) MB |"
}

echo "| variant | JVM start to HTTP up | JVM start to first learned answer (encoder loaded) | RSS then |"
echo "|---|---|---|---|"
measure "fast-jar, JDK 25"

# training run for the AOT cache: the same workload, then a clean exit writes the cache
rm -f target/app.aot
java "${options[@]}" -XX:AOTCacheOutput=target/app.aot -jar target/quarkus-app/quarkus-run.jar > target/cold-start-training.log 2>&1 &
pid=$!
until curl -sf -o /dev/null localhost:$port/q/health/ready; do sleep 0.1; done
for i in $(seq 20); do
  curl -sf -o /dev/null localhost:$port/v1/chat/completions -H 'content-type: application/json' \
    -d "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"training prompt $i\"}]}"
  curl -sf -o /dev/null localhost:$port/v1/chat/completions -H 'content-type: application/json' \
    -d "{\"model\":\"weak\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi $i\"}]}"
done
kill $pid; wait $pid 2>/dev/null || true
[ -f target/app.aot ] || { echo "no AOT cache was written, see target/cold-start-training.log"; exit 1; }
measure "fast-jar + AOT cache (-XX:AOTCache, $(( $(stat -c %s target/app.aot) / 1048576 )) MB)" -XX:AOTCache=target/app.aot
