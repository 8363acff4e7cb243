// The official TypeScript SDK as the client of `apiconform proxy` (tests/sdk/sdk_proxy_test.cpp).
// Usage: node sdk_proxy_client.cjs SDK_DIR BASE_URL API_KEY MODE [FAULT]
// Prints one JSON object per line:
//   raw        the raw reply the SDK's fetch received (status, headers, body text) for a JSON message,
//              a text stream and a tool stream: compared byte for byte with a direct request
//   sdk        what the SDK made of the two streams (messages.stream().finalMessage()), with FAULT
//              sent as x-sim-fault when given
//   invalid    a request the API refuses (no max_tokens): did the SDK raise, with which status
//   concurrent four streams at once on one client: each one's final text
const path = require('path');
const [sdkDir, baseURL, apiKey, mode, fault] = process.argv.slice(2);
const { Anthropic } = require(path.resolve(sdkDir, 'node_modules', '@anthropic-ai', 'sdk'));

// A stall ends after 1 s (the SDK's timeout is 5 s); a buffered stream keeps its default 1 s of silence,
// which makes it a breaking finding rather than a warning (harness/stream/stream_timing.hpp).
const defaultHeaders = fault ? { 'x-sim-fault': fault, 'x-sim-stall-ms': '1000' } : {};
// No retry: a fault must reach the SDK once, as it is; a short timeout ends a stalled stream.
const client = new Anthropic({ baseURL, apiKey, maxRetries: 0, timeout: 5000, defaultHeaders });

const { scenarios, outcome: sdkOutcome } = require('./sdk_outcome.cjs');
const { text, tool } = scenarios;
const outcome = (name, body) => sdkOutcome(client, name, body);

async function raw(name, body) {
  const response = await client.messages.create(body).asResponse();
  const headers = {};
  response.headers.forEach((value, key) => { headers[key] = value; });
  return { scenario: name, status: response.status, headers, body: await response.text() };
}

(async () => {
  if (mode === 'raw') {
    console.log(JSON.stringify(await raw('json', text)));
    console.log(JSON.stringify(await raw('stream', { ...text, stream: true })));
    console.log(JSON.stringify(await raw('tool-stream', { ...tool, stream: true })));
  } else if (mode === 'sdk') {
    console.log(JSON.stringify(await outcome('text', text)));
    console.log(JSON.stringify(await outcome('tool', tool)));
  } else if (mode === 'invalid') {
    const { max_tokens, ...without } = text;
    try {
      await client.messages.create(without);
      console.log(JSON.stringify({ scenario: 'invalid', raised: false, status: 200 }));
    } catch (e) {
      console.log(JSON.stringify({ scenario: 'invalid', raised: true, status: e.status || 0 }));
    }
  } else if (mode === 'concurrent') {
    const all = await Promise.all([1, 2, 3, 4].map((n) => outcome('stream' + n, {
      ...text, messages: [{ role: 'user', content: 'Stream number ' + n + ' says hello.' }] })));
    for (const o of all) console.log(JSON.stringify(o));
  }
})();
