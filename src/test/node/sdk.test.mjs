// The official OpenAI Node SDK, unmodified, pointed at the gateway. Run by OpenAiNodeSdkTest with
// TRIAGE_BASE_URL set; the ids in MIDSTREAM_ID and RATE_LIMITED_ID are scripted on the fake upstream.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: process.env.TRIAGE_BASE_URL, apiKey: 'sk-any', maxRetries: 0, timeout: 20000 });

const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

test('chat completion', async () => {
  const { data, response } = await client.chat.completions
    .create({ model: 'weak', messages: [{ role: 'user', content: 'What is 2+2?' }] })
    .withResponse();
  assert.match(data.choices[0].message.content, /^\[simulated sim-weak\]/);
  assert.equal(data.choices[0].finish_reason, 'stop');
  assert.ok(data.usage.total_tokens > 0);
  assert.equal(response.headers.get('x-triage-route'), 'weak');
  assert.equal(response.headers.get('x-triage-model'), 'sim-weak');
  assert.match(response.headers.get('x-request-id'), /^req_/);
});

test('streamed completion with usage', async () => {
  const stream = await client.chat.completions.create({
    model: 'router-mf-0', // the learned route "auto" with threshold 0: always the strong model
    stream: true,
    stream_options: { include_usage: true },
    messages: [{ role: 'user', content: 'Explain monads.' }],
  });
  let text = '';
  let usage;
  let chunks = 0;
  for await (const chunk of stream) {
    chunks++;
    text += chunk.choices[0]?.delta?.content ?? '';
    if (chunk.usage) usage = chunk.usage;
  }
  assert.ok(chunks > 10, `only ${chunks} chunks`);
  assert.match(text, /^\[simulated sim-strong\] Here is a careful answer/);
  assert.ok(usage.completion_tokens > 0);
});

test('tool call round trip', async () => {
  const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
  const first = await client.chat.completions.create({ model: 'weak', messages, tools: [weather] });
  const call = first.choices[0].message.tool_calls[0];
  assert.equal(first.choices[0].finish_reason, 'tool_calls');
  assert.equal(call.function.name, 'get_weather');
  assert.deepEqual(JSON.parse(call.function.arguments), { city: 'simulated' });

  messages.push(first.choices[0].message, { role: 'tool', tool_call_id: call.id, content: '18 degrees and sunny' });
  const second = await client.chat.completions.create({ model: 'weak', messages, tools: [weather] });
  assert.match(second.choices[0].message.content, /18 degrees and sunny/);
});

test('streamed tool call assembled by the SDK', async () => {
  const runner = client.chat.completions.stream({
    model: 'sim-strong',
    messages: [{ role: 'user', content: 'Weather in Oslo?' }],
    tools: [weather],
  });
  const completion = await runner.finalChatCompletion();
  const call = completion.choices[0].message.tool_calls[0];
  assert.equal(call.function.name, 'get_weather');
  assert.deepEqual(JSON.parse(call.function.arguments), { city: 'simulated' });
});

test('embeddings, decoded by the SDK from base64', async () => {
  const result = await client.embeddings.create({ model: 'sim-weak', input: ['hello', 'world'] });
  assert.equal(result.data.length, 2);
  assert.equal(result.data[0].embedding.length, 16);
  const norm = Math.hypot(...result.data[0].embedding);
  assert.ok(Math.abs(norm - 1) < 1e-3, `norm ${norm}`);
});

test('models list', async () => {
  const ids = [];
  for await (const model of client.models.list()) ids.push(model.id);
  assert.ok(ids.includes('sim-strong') && ids.includes('auto'), ids.join(','));
});

test('unknown model raises NotFoundError', async () => {
  await assert.rejects(
    client.chat.completions.create({ model: 'gpt-9', messages: [{ role: 'user', content: 'hi' }] }),
    (error) => {
      assert.ok(error instanceof OpenAI.NotFoundError, error.constructor.name);
      assert.equal(error.status, 404);
      assert.equal(error.code, 'model_not_found');
      assert.equal(error.param, 'model');
      return true;
    },
  );
});

test('invalid request raises BadRequestError with the offending param', async () => {
  await assert.rejects(
    client.chat.completions.create({ model: 'auto', messages: [{ role: 'robot', content: 'hi' }] }),
    (error) => {
      assert.ok(error instanceof OpenAI.BadRequestError, error.constructor.name);
      assert.equal(error.param, 'messages[0].role');
      return true;
    },
  );
});

test('upstream rate limit raises RateLimitError with the upstream message', async () => {
  await assert.rejects(
    client.chat.completions.create(
      { model: 'fake-model', messages: [{ role: 'user', content: 'hi' }] },
      { headers: { 'x-request-id': process.env.RATE_LIMITED_ID } },
    ),
    (error) => {
      assert.ok(error instanceof OpenAI.RateLimitError, error.constructor.name);
      assert.match(error.message, /Rate limit reached/);
      return true;
    },
  );
});

test('a stream cut by the upstream raises an error instead of ending quietly', async () => {
  const stream = await client.chat.completions.create(
    { model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'hi' }] },
    { headers: { 'x-request-id': process.env.MIDSTREAM_ID } },
  );
  let text = '';
  await assert.rejects(
    (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    })(),
    (error) => {
      assert.ok(error instanceof OpenAI.APIError, error.constructor.name);
      assert.match(error.message, /incomplete/);
      return true;
    },
  );
  assert.equal(text, 'Hel');
});

test('responses: plain, with the SDK output_text helper', async () => {
  const response = await client.responses.create({ model: 'weak', instructions: 'Be brief.', input: 'What is 2+2?' });
  assert.equal(response.status, 'completed');
  assert.match(response.output_text, /^\[simulated sim-weak\]/);
  assert.ok(response.usage.total_tokens > 0);
});

test('responses: streamed typed events, assembled by the SDK', async () => {
  const stream = client.responses.stream({ model: 'router-mf-0', input: 'Explain monads.' });
  let deltas = 0;
  stream.on('response.output_text.delta', () => deltas++);
  const response = await stream.finalResponse();
  assert.ok(deltas > 10, `only ${deltas} deltas`);
  assert.match(response.output_text, /^\[simulated sim-strong\] Here is a careful answer/);
});

test('responses: function tool round trip', async () => {
  const tools = [{ type: 'function', name: 'get_weather', parameters: weather.function.parameters, strict: false }];
  const input = [{ role: 'user', content: 'What is the weather in Paris?' }];
  const first = await client.responses.create({ model: 'weak', input, tools });
  const call = first.output.find((item) => item.type === 'function_call');
  assert.equal(call.name, 'get_weather');
  assert.deepEqual(JSON.parse(call.arguments), { city: 'simulated' });
  input.push(call, { type: 'function_call_output', call_id: call.call_id, output: '18 degrees and sunny' });
  const second = await client.responses.create({ model: 'weak', input, tools });
  assert.match(second.output_text, /18 degrees and sunny/);
});

test('responses: json_schema format is accepted and previous_response_id refused', async () => {
  const response = await client.responses.create({
    model: 'weak',
    input: 'Give me a city.',
    text: { format: { type: 'json_schema', name: 'city', schema: { type: 'object', properties: { name: { type: 'string' } } } } },
  });
  assert.equal(response.text.format.type, 'json_schema');
  await assert.rejects(
    client.responses.create({ model: 'weak', input: 'hi', previous_response_id: 'resp_1' }),
    (error) => error instanceof OpenAI.BadRequestError && error.param === 'previous_response_id',
  );
});
