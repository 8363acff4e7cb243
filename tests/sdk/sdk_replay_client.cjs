// The official TypeScript SDK as the client of `apiconform serve --replay`: sends the requests
// recorded in tests/recordings/session (the same JSON bytes: same members in the same order) and
// prints what the SDK hands back, raw (asResponse) and parsed, one JSON object per line.
// Usage: node sdk_replay_client.cjs SDK_DIR BASE_URL. Used by tests/sdk/sdk_replay_test.cpp.
const path = require('path');
const [sdkDir, baseURL] = process.argv.slice(2);
const { Anthropic } = require(path.resolve(sdkDir, 'node_modules', '@anthropic-ai', 'sdk'));

const client = new Anthropic({ baseURL, apiKey: 'any-key', maxRetries: 0, timeout: 10000 });
const hello = [{ role: 'user', content: 'Say hello.' }];
const model = 'claude-sonnet-4-5';

async function raw(name, call) {
  try {
    const response = await call().asResponse();
    console.log(JSON.stringify({ name, status: response.status, body: await response.text() }));
  } catch (e) {
    console.log(JSON.stringify({ name, error: String(e && e.message ? e.message : e) }));
  }
}

(async () => {
  await raw('message', () => client.messages.create({ model, max_tokens: 64, messages: hello }));
  // The recorded stream, parsed by the SDK's own accumulator: the session is one it can read.
  try {
    const message = await client.messages.stream({ model, max_tokens: 64, stream: true, messages: hello }).finalMessage();
    console.log(JSON.stringify({ name: 'final_message', text: message.content.map((b) => b.text || '').join(''),
                                 stop_reason: message.stop_reason }));
  } catch (e) {
    console.log(JSON.stringify({ name: 'final_message', error: String(e && e.message ? e.message : e) }));
  }
  // The same request again: the recording's next stream of that body (its data-only one), raw.
  await raw('stream', () => client.messages.create({ model, max_tokens: 64, stream: true, messages: hello }));
  await raw('count_tokens', () => client.messages.countTokens({ model, messages: hello }));
  await raw('models', () => client.models.list({ limit: 2 }));
})();
