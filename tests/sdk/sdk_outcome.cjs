// What the official TypeScript SDK makes of a server's streams, shared by the SDK's test clients
// (sdk_probe.cjs, sdk_proxy_client.cjs): the two requests the suite's stream.text and
// stream.tool-any cases send, and one scenario's outcome through messages.stream() and
// finalMessage(): the text, the tool input, the stop reason and usage, or the error it raised.
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

async function outcome(client, name, body) {
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

module.exports = { scenarios, outcome };
