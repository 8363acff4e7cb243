// What the official TypeScript SDK makes of a server's streams: the two requests the suite's
// stream.text and stream.tool-any cases send, each through messages.stream() and finalMessage().
// Usage: node sdk_probe.cjs SDK_DIR BASE_URL API_KEY -> one JSON object per line, per scenario.
// Used by tests/e2e/sdk_severity_test.cpp; the SDK is installed by the sdk_install test fixture.
const path = require('path');
const [sdkDir, baseURL, apiKey] = process.argv.slice(2);
const { Anthropic } = require(path.resolve(sdkDir, 'node_modules', '@anthropic-ai', 'sdk'));

// No retry, a short timeout: a stalled stream is an error the SDK raises, not a hang.
const client = new Anthropic({ baseURL, apiKey, maxRetries: 0, timeout: 5000 });

const scenarios = {
  text: {
    model: 'claude-sonnet-4-5', max_tokens: 256,
    messages: [{ role: 'user', content: 'Count from one to twenty in words, separated by commas.' }],
  },
  tool: {
    model: 'claude-sonnet-4-5', max_tokens: 256,
    tools: [{ name: 'get_weather', description: 'Get the current weather for a city.',
              input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }],
    tool_choice: { type: 'any' },
    messages: [{ role: 'user', content: 'What is the weather like in Paris right now?' }],
  },
};

async function probe(name, body) {
  const out = { scenario: name, raised: false, error: '', text: '', tool_input: null, stop_reason: null, usage: null };
  try {
    const message = await client.messages.stream(body).finalMessage();
    for (const block of message.content || []) {
      if (block.type === 'text') out.text += block.text;
      if (block.type === 'tool_use') out.tool_input = block.input;
    }
    out.stop_reason = message.stop_reason;
    out.usage = message.usage ? { input: message.usage.input_tokens, output: message.usage.output_tokens } : null;
  } catch (e) {
    out.raised = true;
    out.error = String(e && e.message ? e.message : e).slice(0, 300);
  }
  return out;
}

(async () => {
  for (const [name, body] of Object.entries(scenarios)) console.log(JSON.stringify(await probe(name, body)));
})();
