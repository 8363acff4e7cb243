-- The same request bench/cases/bench-message.yaml sends, for wrk.
wrk.method = "POST"
wrk.body = '{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Say hello to the benchmark"}]}'
wrk.headers["content-type"] = "application/json"
wrk.headers["x-api-key"] = "sim-test-key"
wrk.headers["anthropic-version"] = "2023-06-01"
