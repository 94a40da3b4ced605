// Open-loop load generator: sends RATE requests/s for SECONDS (each at its scheduled time, whether or not earlier ones
// have answered, so a slow server cannot hide its queueing), and measures each from its scheduled send time to the
// last byte of the answer. Prints one JSON line: p50/p90/p99 ms, achieved throughput, errors.
// Usage: node load.mjs URL MODEL STREAM(true|false) RATE SECONDS   (HEADERS='{"name":"value"}' adds request headers)
import http from 'node:http';
import { openLoop, percentile } from '../lib/open-loop.mjs';

const [url, model, streamed, rate, seconds] = [process.argv[2], process.argv[3], process.argv[4] === 'true',
  Number(process.argv[5]), Number(process.argv[6])];
const target = new URL(url);
const extraHeaders = JSON.parse(process.env.HEADERS || '{}');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const body = JSON.stringify({ model, stream: streamed,
  messages: [{ role: 'user', content: 'Explain in two sentences how a hash map handles collisions.' }] });

function once() {
  return new Promise((resolve) => {
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...extraHeaders } },
    (res) => {
      let size = 0;
      res.on('data', (part) => { size += part.length; });
      res.on('end', () => resolve(res.statusCode === 200 && size > 0));
    });
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

const total = Math.round(rate * seconds);
const latencies = [];
let errors = 0;
const elapsed = await openLoop(rate, seconds, once, (ok, ms) => {
  if (ok) latencies.push(ms); else errors++;
});
latencies.sort((a, b) => a - b);
const pct = (p) => percentile(latencies, p);
console.log(JSON.stringify({ p50: pct(50), p90: pct(90), p99: pct(99), rps: latencies.length / elapsed, errors, n: total }));
agent.destroy();
