// Decision latency and throughput of the learned router inside a running gateway, read from the gateway's own
// x-triage-decision-ms header (tokenize + first stage or encoder + heads + queueing on the router's workers), and which
// stage decided (x-triage-router-version ends in -first-stage when the token table did).
// The concurrent phase also reports where the CPU went: the gateway's encoder workers, the rest of the gateway, and
// this load generator (from /proc, in cores busy on average).
// Usage: node decision-latency.mjs http://localhost:18080 PROMPTS.jsonl GATEWAY_PID  (started by decision-latency.sh)
import { readdirSync, readFileSync } from 'node:fs';

const base = process.argv[2];
const real = readFileSync(process.argv[3], 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const gateway = process.argv[4];
const TICKS_PER_SECOND = 100;
const words = 'the quick model routes every prompt to a strong or weak answer with care and some speed'.split(' ');
const route = 'auto';

function prompt(tokens, seed) {
  const out = [];
  for (let i = 0; out.length < tokens - 2; i++) out.push(words[(seed * 7 + i * 3) % words.length] + (i % 5 === 0 ? seed : ''));
  return out.join(' ');
}

async function ask(content) {
  const response = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: route, messages: [{ role: 'user', content }] }),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  return {
    decision: Number(response.headers.get('x-triage-decision-ms') ?? 0),
    firstStage: (response.headers.get('x-triage-router-version') ?? '').endsWith('-first-stage'),
  };
}

function pct(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(label, answers, extra = '') {
  const decisions = answers.map((a) => a.decision);
  const first = answers.filter((a) => a.firstStage).length;
  return `| ${label} | ${answers.length} | ${pct(decisions, 50).toFixed(2)} | ${pct(decisions, 99).toFixed(2)} | `
    + `${(100 * first / answers.length).toFixed(0)}% |${extra}`;
}

async function sequential(prompts) {
  const answers = [];
  for (const p of prompts) answers.push(await ask(p));
  return answers;
}

/** CPU seconds of the gateway's threads so far: the encoder workers, the JIT compilers and all the others. */
function gatewayCpu() {
  const cpu = { encoder: 0, jit: 0, rest: 0 };
  for (const task of readdirSync(`/proc/${gateway}/task`)) {
    try {
      const stat = readFileSync(`/proc/${gateway}/task/${task}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
      cpu[/^triage-router-\d+$/.test(name) ? 'encoder' : /^C\d CompilerThre/.test(name) ? 'jit' : 'rest'] += seconds;
    } catch {
      // a thread that ended meanwhile
    }
  }
  return cpu;
}

async function concurrent(prompts, concurrency) {
  let next = 0;
  const answers = [];
  const started = performance.now();
  const gatewayBefore = gatewayCpu();
  const ownBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < prompts.length) answers.push(await ask(prompts[next++]));
  }));
  const seconds = (performance.now() - started) / 1000;
  const gatewayAfter = gatewayCpu();
  const own = process.cpuUsage(ownBefore);
  const cores = (cpuSeconds) => (cpuSeconds / seconds).toFixed(2);
  return {
    answers,
    perSecond: prompts.length / seconds,
    cpu: `encoder workers ${cores(gatewayAfter.encoder - gatewayBefore.encoder)}, JIT compilers `
      + `${cores(gatewayAfter.jit - gatewayBefore.jit)}, rest of the gateway (HTTP, simulated upstream, ledger writer, `
      + `GC) ${cores(gatewayAfter.rest - gatewayBefore.rest)}, load generator ${cores((own.user + own.system) / 1e6)} `
      + 'cores',
  };
}

// warm the JIT and the encoder first, on prompts the measured phases do not use
await sequential(Array.from({ length: 40 }, (_, i) => prompt(30, 90000 + i)));
await concurrent(real.slice(4000), 16);

const load = await concurrent(real.slice(600, 4000), 16);
console.log('| decision | n | p50 ms | p99 ms | decided by the first stage |');
console.log('|---|---|---|---|---|');
console.log(summary('~30-token synthetic prompts, one at a time', await sequential(Array.from({ length: 200 }, (_, i) => prompt(30, 1000 + i)))));
console.log(summary('~128-token synthetic prompts, one at a time', await sequential(Array.from({ length: 100 }, (_, i) => prompt(128, 5000 + i)))));
console.log(summary('real prompts (training data), one at a time', await sequential(real.slice(0, 500))));
console.log(summary('repeated prompt (cache)', await sequential(Array.from({ length: 200 }, () => real[0]))));
console.log(summary(`real prompts, 16 concurrent clients: **${load.perSecond.toFixed(0)} decisions/s**`, load.answers));
console.log();
console.log(`CPU during the concurrent phase: ${load.cpu}`);
