// An OpenAI-compatible upstream that fails a share of its answers, each drawn on its own, with the fault mix of the
// trust issue's soak: 5% 500, 4% 503 + Retry-After: 1, 3% connection reset, 3% hang (never answers), 3% answer cut
// mid-way (a stream after its first chunk, a JSON body after its first bytes), 2% slow (1 s, or chunks 200 ms apart);
// the rest answer at once. FAULTS scales the mix (1 = 20% of answers fail; 0 = none). Usage: node faulty-upstream.mjs PORT
import http from 'node:http';

const port = Number(process.argv[2]);
const scale = Number(process.env.FAULTS ?? 1);
const answer = JSON.stringify({
  id: 'chatcmpl-soak', object: 'chat.completion', created: 1700000000, model: 'mock',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Buckets, then a list or a tree per bucket.' },
    finish_reason: 'stop' }],
  usage: { prompt_tokens: 24, completion_tokens: 11, total_tokens: 35 },
});
const chunk = (content) => `data: ${JSON.stringify({ id: 'chatcmpl-soak', object: 'chat.completion.chunk',
  created: 1700000000, model: 'mock', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
const events = [chunk('Buckets, '), chunk('then a list '), chunk('or a tree.'),
  `data: ${JSON.stringify({ id: 'chatcmpl-soak', object: 'chat.completion.chunk', choices: [],
    usage: { prompt_tokens: 24, completion_tokens: 9, total_tokens: 33 } })}\n\n`, 'data: [DONE]\n\n'];
const mix = [['500', 5], ['503', 4], ['reset', 3], ['hang', 3], ['cut', 3], ['slow', 2]];

function fate() {
  let draw = Math.random() * 100;
  for (const [name, pct] of mix) {
    draw -= pct * scale;
    if (draw < 0) return name;
  }
  return 'ok';
}

function send(res, streamed, pause) {
  if (!streamed) {
    res.writeHead(200, { 'content-type': 'application/json' });
    setTimeout(() => res.end(answer), pause * 5);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  let next = 0;
  const write = () => {
    if (next === events.length) { res.end(); return; }
    res.write(events[next++]);
    if (pause > 0) setTimeout(write, pause); else write();
  };
  write();
}

http.createServer({ keepAliveTimeout: 60000 }, (req, res) => {
  let body = '';
  req.on('data', (part) => { body += part; });
  req.on('end', () => {
    const streamed = body.includes('"stream":true');
    switch (fate()) {
      case '500':
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":{"message":"boom","type":"server_error"}}');
        break;
      case '503':
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end('{"error":{"message":"overloaded","type":"server_error"}}');
        break;
      case 'reset':
        req.socket.destroy();
        break;
      case 'hang':
        break;
      case 'cut':
        res.writeHead(200, { 'content-type': streamed ? 'text/event-stream' : 'application/json' });
        res.write(streamed ? events[0] : answer.slice(0, 40));
        setTimeout(() => req.socket.destroy(), 5);
        break;
      case 'slow':
        send(res, streamed, 200);
        break;
      default:
        send(res, streamed, 0);
    }
  });
}).listen(port, '127.0.0.1');
