// Decision latency and throughput of the learned router inside a running gateway, read from the gateway's own
// x-triage-decision-ms header (tokenize + encode + heads + queueing on the router's workers).
// Usage: node decision-latency.mjs http://localhost:18080 [throughput-only]  (started by decision-latency.sh)
const base = process.argv[2];
const throughputOnly = process.argv[3] === 'throughput-only';
const words = 'the quick model routes every prompt to a strong or weak answer with care and some speed'.split(' ');

function prompt(tokens, seed) {
  const out = [];
  for (let i = 0; out.length < tokens - 2; i++) out.push(words[(seed * 7 + i * 3) % words.length] + (i % 5 === 0 ? seed : ''));
  return out.join(' ');
}

async function ask(model, content) {
  const started = performance.now();
  const response = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  return { decision: Number(response.headers.get('x-triage-decision-ms') ?? 0), total: performance.now() - started };
}

function pct(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function sequential(label, model, tokens, count, repeat) {
  const decisions = [];
  for (let i = 0; i < count; i++) decisions.push((await ask(model, prompt(tokens, repeat ? 1 : 1000 + i))).decision);
  return { label, p50: pct(decisions, 50), p99: pct(decisions, 99), n: count };
}

async function concurrent(model, tokens, count, concurrency) {
  let next = 0;
  const started = performance.now();
  const decisions = [];
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      decisions.push((await ask(model, prompt(tokens, 50000 + i))).decision);
    }
  }));
  return { perSecond: count / ((performance.now() - started) / 1000), p50: pct(decisions, 50), p99: pct(decisions, 99) };
}

// warm the JIT and the encoder first
for (let i = 0; i < 40; i++) await ask('router-mf-1', prompt(30, 90000 + i));

if (!throughputOnly) {
const rows = [
  await sequential('learned, ~30 tokens, distinct prompts', 'router-mf-1', 30, 200, false),
  await sequential('learned, ~128 tokens, distinct prompts', 'router-mf-1', 128, 100, false),
  await sequential('learned, repeated prompt (cache)', 'router-mf-1', 30, 200, true),
];
console.log('| decision | n | p50 ms | p99 ms |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.label} | ${r.n} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`);
console.log();
}
const load = await concurrent('router-mf-1', 30, 600, 16);
console.log(`| ~30-token distinct prompts, 16 concurrent clients | ${load.perSecond.toFixed(0)} | ${load.p50.toFixed(1)} | `
  + `${load.p99.toFixed(1)} |`);
