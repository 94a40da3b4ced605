// The official Anthropic TypeScript SDK, unmodified, pointed at the gateway's Messages API. Run by
// AnthropicSdkTest with TRIAGE_BASE_URL set; RATE_LIMITED_ID is scripted on the fake upstream.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic({ baseURL: process.env.TRIAGE_BASE_URL, apiKey: 'sk-any', maxRetries: 0, timeout: 20000 });

const weather = {
  name: 'get_weather',
  description: 'Current weather for a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

test('message', async () => {
  const { data, response } = await client.messages
    .create({ model: 'weak', max_tokens: 200, messages: [{ role: 'user', content: 'What is 2+2?' }] })
    .withResponse();
  assert.equal(data.type, 'message');
  assert.match(data.content[0].text, /^\[simulated sim-weak\]/);
  assert.equal(data.stop_reason, 'end_turn');
  assert.ok(data.usage.input_tokens > 0 && data.usage.output_tokens > 0);
  assert.equal(response.headers.get('x-triage-route'), 'weak');
  assert.equal(response.headers.get('x-triage-model'), 'sim-weak');
});

test('streamed message on a learned route, assembled by the SDK', async () => {
  const stream = client.messages.stream({
    model: 'router-mf-0', // the learned route "auto" with threshold 0: always the strong model
    max_tokens: 400,
    system: 'You are careful.',
    messages: [{ role: 'user', content: 'Explain monads.' }],
  });
  let deltas = 0;
  stream.on('text', () => deltas++);
  const message = await stream.finalMessage();
  assert.ok(deltas > 10, `only ${deltas} text deltas`);
  assert.match(message.content[0].text, /^\[simulated sim-strong\] Here is a careful answer/);
  assert.equal(message.stop_reason, 'end_turn');
  assert.ok(message.usage.input_tokens > 0, 'input tokens arrive with message_delta');
  assert.ok(message.usage.output_tokens > 0);
});

test('tool use round trip', async () => {
  const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
  const first = await client.messages.create({ model: 'weak', max_tokens: 200, messages, tools: [weather] });
  assert.equal(first.stop_reason, 'tool_use');
  const call = first.content.find((block) => block.type === 'tool_use');
  assert.equal(call.name, 'get_weather');
  assert.deepEqual(call.input, { city: 'simulated' });

  messages.push(
    { role: 'assistant', content: first.content },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '18 degrees and sunny' }] },
  );
  const second = await client.messages.create({ model: 'weak', max_tokens: 200, messages, tools: [weather] });
  assert.match(second.content[0].text, /18 degrees and sunny/);
});

test('streamed tool use assembled by the SDK', async () => {
  const message = await client.messages
    .stream({ model: 'sim-strong', max_tokens: 200, messages: [{ role: 'user', content: 'Weather in Oslo?' }], tools: [weather] })
    .finalMessage();
  const call = message.content.find((block) => block.type === 'tool_use');
  assert.equal(call.name, 'get_weather');
  assert.deepEqual(call.input, { city: 'simulated' });
  assert.equal(message.stop_reason, 'tool_use');
});

test('count tokens', async () => {
  const count = await client.messages.countTokens({ model: 'weak', messages: [{ role: 'user', content: 'Hello there' }] });
  assert.ok(count.input_tokens > 0);
});

test('unknown model raises NotFoundError in Anthropic form', async () => {
  await assert.rejects(
    client.messages.create({ model: 'claude-9', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
    (error) => {
      assert.ok(error instanceof Anthropic.NotFoundError, error.constructor.name);
      assert.equal(error.status, 404);
      assert.equal(error.error.type, 'error');
      assert.equal(error.error.error.type, 'not_found_error');
      return true;
    },
  );
});

test('upstream rate limit raises RateLimitError with the upstream message', async () => {
  await assert.rejects(
    client.messages.create(
      { model: 'fake-model', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] },
      { headers: { 'x-request-id': process.env.RATE_LIMITED_ID } },
    ),
    (error) => {
      assert.ok(error instanceof Anthropic.RateLimitError, error.constructor.name);
      assert.match(error.message, /Rate limit reached/);
      return true;
    },
  );
});
