// The official OpenAI (Responses API) and Anthropic (Messages API) SDKs, unmodified, against models whose upstreams
// speak Anthropic's, Gemini's and Azure OpenAI's own wire formats (fake upstreams scripted by ProviderSdkTest, one
// request id per scripted answer, passed in PROVIDER_CASES).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

const baseURL = process.env.TRIAGE_BASE_URL;
const openai = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: 'sk-any', maxRetries: 0, timeout: 20000 });
const anthropic = new Anthropic({ baseURL, apiKey: 'sk-any', maxRetries: 0, timeout: 20000 });
const cases = JSON.parse(process.env.PROVIDER_CASES);
const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
const as = (id) => ({ headers: { 'x-request-id': id } });

for (const [model, ids] of Object.entries(cases)) {
  test(`${model}: responses.create`, async () => {
    const response = await openai.responses.create({ model, instructions: 'Be brief.', input: 'Hello' }, as(ids.plain));
    assert.equal(response.status, 'completed');
    assert.equal(response.output_text, 'Hello! How can I help?');
    assert.ok(response.usage.input_tokens > 0 && response.usage.output_tokens > 0);
  });

  test(`${model}: responses.stream`, async () => {
    const stream = openai.responses.stream({ model, input: 'Hello' }, as(ids.stream));
    let deltas = 0;
    stream.on('response.output_text.delta', () => deltas++);
    const response = await stream.finalResponse();
    assert.equal(deltas, 2);
    assert.equal(response.output_text, 'Hello');
    assert.ok(response.usage.output_tokens > 0);
  });

  test(`${model}: responses function tool round trip`, async () => {
    const tools = [{ type: 'function', name: 'get_weather', parameters: schema, strict: false }];
    const input = [{ role: 'user', content: 'What is the weather in Paris?' }];
    const first = await openai.responses.create({ model, input, tools }, as(ids.tool));
    const call = first.output.find((item) => item.type === 'function_call');
    assert.equal(call.name, 'get_weather');
    assert.deepEqual(JSON.parse(call.arguments), { city: 'Paris' });
    input.push(call, { type: 'function_call_output', call_id: call.call_id, output: '18 degrees' });
    const second = await openai.responses.create({ model, input, tools }, as(ids.plain));
    assert.equal(second.output_text, 'Hello! How can I help?');
  });

  test(`${model}: responses json_schema`, async () => {
    const request = openai.responses.create(
      { model, input: 'A city?', text: { format: { type: 'json_schema', name: 'city', schema } } },
      as(ids.json),
    );
    if (model.startsWith('claude')) {
      // Anthropic's Messages API has no JSON output; the provider refuses rather than answer unconstrained
      await assert.rejects(request, (error) => error instanceof OpenAI.BadRequestError && error.param === 'response_format');
      return;
    }
    const response = await request;
    assert.deepEqual(JSON.parse(response.output_text), { city: 'Paris' });
  });

  test(`${model}: messages.create`, async () => {
    const message = await anthropic.messages.create(
      { model, max_tokens: 100, system: 'Be brief.', messages: [{ role: 'user', content: 'Hello' }] },
      as(ids.plain),
    );
    assert.equal(message.content[0].text, 'Hello! How can I help?');
    assert.equal(message.stop_reason, 'end_turn');
    assert.ok(message.usage.input_tokens > 0 && message.usage.output_tokens > 0);
  });

  test(`${model}: messages.stream`, async () => {
    const stream = anthropic.messages.stream(
      { model, max_tokens: 100, messages: [{ role: 'user', content: 'Hello' }] },
      as(ids.stream),
    );
    let deltas = 0;
    stream.on('text', () => deltas++);
    const message = await stream.finalMessage();
    assert.equal(deltas, 2);
    assert.equal(message.content[0].text, 'Hello');
    assert.ok(message.usage.output_tokens > 0);
  });

  test(`${model}: messages tool use round trip`, async () => {
    const tools = [{ name: 'get_weather', description: 'Weather', input_schema: schema }];
    const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
    const first = await anthropic.messages.create({ model, max_tokens: 100, messages, tools }, as(ids.tool));
    assert.equal(first.stop_reason, 'tool_use');
    const call = first.content.find((block) => block.type === 'tool_use');
    assert.deepEqual(call.input, { city: 'Paris' });
    messages.push(
      { role: 'assistant', content: first.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '18 degrees' }] },
    );
    const second = await anthropic.messages.create({ model, max_tokens: 100, messages, tools }, as(ids.plain));
    assert.equal(second.content[0].text, 'Hello! How can I help?');
  });

  test(`${model}: an upstream's 400 raises BadRequestError with its message`, async () => {
    await assert.rejects(
      anthropic.messages.create({ model, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }, as(ids.error)),
      (error) => {
        assert.ok(error instanceof Anthropic.BadRequestError, error.constructor.name);
        assert.equal(error.error.error.type, 'invalid_request_error');
        assert.match(error.message, /Input should be a valid list|Invalid JSON payload received|Invalid 'messages\[0\].content'/);
        return true;
      },
    );
  });
}
