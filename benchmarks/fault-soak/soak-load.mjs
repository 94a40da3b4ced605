// Open-loop load for the fault soak: RATE requests/s for SECONDS, half streamed, alternating two prompts (the router
// decides each once, then from its cache). Counts every answer by status and error code (a stream's error event as
// "stream CODE"), streams that ended with [DONE] and no error event, and requests never answered within 120 s. Prints one JSON line.
// Usage: node soak-load.mjs URL MODEL RATE SECONDS
import http from 'node:http';
import { openLoop, percentile } from '../lib/open-loop.mjs';

const [url, model, rate, seconds] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 2048 });
const prompts = ['Explain in two sentences how a hash map handles collisions.', 'hi'];

function once(i) {
  const streamed = i % 2 === 1;
  const body = JSON.stringify({ model, stream: streamed,
    messages: [{ role: 'user', content: prompts[Math.floor(i / 2) % 2] }] });
  return new Promise((resolve) => {
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
      timeout: 120000, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
    (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (part) => { text += part; });
      res.on('end', () => {
        const complete = res.statusCode === 200 && (!streamed || (text.includes('[DONE]') && !text.includes('"error"')));
        const code = complete ? null : (res.statusCode === 200 ? 'stream ' : '')
          + ((text.match(/"code":"([^"]+)"/) ?? [])[1] ?? 'none');
        resolve({ status: res.statusCode, code, complete, circuitOpen: (res.headers['x-triage-attempts'] ?? '')
          .includes('circuit_open') });
      });
    });
    req.on('timeout', () => { req.destroy(); resolve({ status: 'unanswered' }); });
    req.on('error', () => resolve({ status: 'connection_error' }));
    req.end(body);
  });
}

const total = Math.round(rate * seconds);
const latencies = [];
const statuses = {};
const codes = {};
let complete = 0;
let circuitOpen = 0;
await openLoop(rate, seconds, once, (outcome, ms) => {
  latencies.push(ms);
  statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
  if (outcome.code) codes[outcome.code] = (codes[outcome.code] ?? 0) + 1;
  if (outcome.complete) complete++;
  if (outcome.circuitOpen) circuitOpen++;
});
latencies.sort((a, b) => a - b);
console.log(JSON.stringify({ n: total, ok: statuses['200'] ?? 0, complete, statuses, codes, circuitOpen,
  p50: percentile(latencies, 50), p99: percentile(latencies, 99) }));
agent.destroy();
