// What the official TypeScript SDK makes of a server's streams: the two requests the suite's
// stream.text and stream.tool-any cases send, each through messages.stream() and finalMessage().
// Usage: node sdk_probe.cjs SDK_DIR BASE_URL API_KEY -> one JSON object per line, per scenario.
// Used by tests/e2e/sdk_severity_test.cpp; the SDK is installed by the sdk_install test fixture.
const path = require('path');
const [sdkDir, baseURL, apiKey] = process.argv.slice(2);
const { Anthropic } = require(path.resolve(sdkDir, 'node_modules', '@anthropic-ai', 'sdk'));

// No retry, a short timeout: a stalled stream is an error the SDK raises, not a hang. The SDK's
// timeout does not bound a stream once its headers have come, so the `stall` fault's silence is cut
// to 1 s (the simulator's default is 60 s, twice per probe): the SDK meets the same cut stream,
// two minutes sooner.
const client = new Anthropic({ baseURL, apiKey, maxRetries: 0, timeout: 5000,
                               defaultHeaders: { 'x-sim-stall-ms': '1000' } });

const { scenarios, outcome } = require('./sdk_outcome.cjs');

(async () => {
  for (const [name, body] of Object.entries(scenarios)) console.log(JSON.stringify(await outcome(client, name, body)));
})();
