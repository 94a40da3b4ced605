// A fast OpenAI-compatible mock upstream for the overhead benchmark: fixed latency to the first byte, a realistic
// chat.completion JSON body, or for stream=true six SSE chunks (role, four content pieces, usage) and [DONE].
// GET /connections says how many TCP connections it has accepted (a client that keeps them alive opens few).
// Usage: node mock-upstream.mjs PORT LATENCY_MS
import http from 'node:http';

const [port, latency] = [Number(process.argv[2]), Number(process.argv[3] ?? 0)];
const answer = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', created: 1700000000, model: 'mock',
  choices: [{ index: 0, message: { role: 'assistant', content: 'A hash map stores keys in buckets chosen by their hash; '
    + 'collisions share a bucket (a list or a tree), and the table doubles when the load factor passes 0.75.' },
    logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 24, completion_tokens: 41, total_tokens: 65 }, system_fingerprint: 'fp_mock',
});
const chunk = (delta, extra = {}) => `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk',
  created: 1700000000, model: 'mock', choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;
const stream = [chunk({ role: 'assistant', content: '' }), chunk({ content: 'A hash map ' }),
  chunk({ content: 'stores keys ' }), chunk({ content: 'in buckets ' }), chunk({ content: 'by hash.' }),
  `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', choices: [],
    usage: { prompt_tokens: 24, completion_tokens: 8, total_tokens: 32 } })}\n\n`, 'data: [DONE]\n\n'].join('');

let connections = 0;
const server = http.createServer({ keepAliveTimeout: 60000 }, (req, res) => {
  if (req.url === '/connections') {
    res.end(String(connections));
    return;
  }
  let body = '';
  req.on('data', (part) => { body += part; });
  req.on('end', () => {
    const streamed = body.includes('"stream":true');
    const reply = () => {
      if (streamed) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(stream);
      } else {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
        res.end(answer);
      }
    };
    if (latency > 0) setTimeout(reply, latency); else reply();
  });
});
server.on('connection', () => connections++);
server.listen(port, '127.0.0.1');
