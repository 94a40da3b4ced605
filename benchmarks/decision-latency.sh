#!/usr/bin/env bash
# Starts the packaged gateway (demo config, the demo's learned route "auto"), measures time to the first routed answer
# and RSS, waits for the router's first stage, then the decision latency and throughput (decision-latency.mjs) on
# synthetic and real prompts (distinct prompts of ../shared/data); then restarts it with the first stage off
# (triage.router.first-stage=false: the encoder decides every prompt) as the in-run baseline. Prints markdown tables.
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
prompts=target/decision-latency-prompts.jsonl
# distinct real prompts in a fixed shuffled order, so that no run answers one from the cache
python3 - "$root/../shared/data" "$prompts" <<'PY'
import json, pathlib, random, sys
data, out = pathlib.Path(sys.argv[1]), sys.argv[2]
seen = {}
for file in [data / "battles.jsonl", *sorted((data / "outcomes").glob("*.scores.jsonl"))]:
    for line in file.open():
        seen.setdefault(json.loads(line)["prompt"], None)
prompts = sorted(seen)
random.Random(14).shuffle(prompts)
with open(out, "w") as f:
    for p in prompts[:8000]:
        f.write(json.dumps(p) + "\n")
PY

# starts the gateway with the first stage on or off and waits for its first routed answer; sets pid and first (ms)
start_gateway() {
  local start body
  start=$(date +%s%N)
  PORT=$port TRIAGE_SIMULATOR_ENABLED=true TRIAGE_SIMULATOR_LATENCY_SCALE=0 TRIAGE_ROUTER_FIRST_STAGE=$1 java --enable-native-access=ALL-UNNAMED \
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
# readiness may come with the first stage alone (its token table cached), before the encoder: wait for both
wait_first_stage() {
  until curl -s "localhost:$port/q/health/ready" | tr -d ' \n' \
      | grep '"encoder-state":"ready"' | grep -q '"first-stage":"\(ready\|off\)"'; do sleep 0.2; done
}

. benchmarks/lib/cpu.sh
echo "router: $(grep -m1 '"version"' "${TRIAGE_ROUTER_ARTIFACTS:-models/router}/manifest.json" | cut -d'"' -f4)," \
  "$(grep -m1 '"layers"' "${TRIAGE_ROUTER_ARTIFACTS:-models/router}/manifest.json" | tr -dc 0-9) layers (0: all)"
echo
for stage in true false; do
  start_gateway $stage
  wait_first_stage
  echo "### first stage: $stage (JVM start to first routed answer ${first} ms, RSS after load $(rss) MB)"
  echo
  node benchmarks/decision-latency.mjs "http://localhost:$port" "$prompts" $pid
  echo
  echo "RSS after the load: $(rss) MB"
  echo
  kill $pid; wait $pid 2>/dev/null || true
done
