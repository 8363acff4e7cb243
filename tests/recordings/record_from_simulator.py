#!/usr/bin/env python3
"""Records tests/recordings/session/ from the reference simulator, in the recording format of
docs/proxy.md ("Recording format"), as `apiconform proxy --record` writes it: each request and the
raw reply bytes with the time each piece arrived. The replies are the simulator's own; faults and
errors are asked for with its steering headers (docs/simulator.md).

    build/apiconform serve --port 18787 &
    tests/recordings/record_from_simulator.py http://127.0.0.1:18787 tests/recordings/session

Only the Python standard library is used.
"""
import datetime
import http.client
import json
import os
import sys
import time
import urllib.parse

KEY = "sim-test-key"  # the simulator's key; the records hold "[REDACTED]" in its place
MODEL = "claude-sonnet-4-5"
HELLO = [{"role": "user", "content": "Say hello."}]

# (method, path, extra headers, body): what a client of the API sends, good and bad.
EXCHANGES = [
    ("POST", "/v1/messages", {}, {"model": MODEL, "max_tokens": 64, "messages": HELLO}),
    ("POST", "/v1/messages", {"x-sim-pace-ms": "3"}, {"model": MODEL, "max_tokens": 64, "stream": True, "messages": HELLO}),
    ("POST", "/v1/messages", {"x-sim-fault": "data-only"},
     {"model": MODEL, "max_tokens": 64, "stream": True, "messages": HELLO}),
    ("POST", "/v1/messages", {}, {"model": MODEL, "messages": HELLO}),  # no max_tokens: the client's fault
    ("POST", "/v1/messages", {"x-sim-error": "rate_limit"}, {"model": MODEL, "max_tokens": 64, "messages": HELLO}),
    ("POST", "/v1/messages", {"x-sim-error": "overloaded"},
     {"model": MODEL, "max_tokens": 64, "stream": True, "messages": HELLO}),
    ("POST", "/v1/messages/count_tokens", {}, {"model": MODEL, "messages": HELLO}),
    ("GET", "/v1/models?limit=2", {"accept-encoding": "gzip"}, None),
]


def headers_of(pairs):
    return [[k.lower(), v] for k, v in pairs]


def record(base, sequence, method, path, extra, body):
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port)
    sent = {"x-api-key": KEY, "anthropic-version": "2023-06-01"}
    data = b""
    if body is not None:
        sent["content-type"] = "application/json"
        data = json.dumps(body, separators=(",", ":")).encode()
    sent.update(extra)
    started = time.monotonic()
    started_at = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    conn.request(method, path, body=data or None, headers=sent)
    resp = conn.getresponse()
    first_byte = (time.monotonic() - started) * 1000
    raw, chunks = b"", []
    while True:
        piece = resp.read1(65536)
        if not piece:
            break
        chunks.append([len(raw), round((time.monotonic() - started) * 1000, 3)])
        raw += piece
    total = (time.monotonic() - started) * 1000
    conn.close()

    def body_of(b):
        try:
            return {"body_encoding": "utf-8", "body": b.decode("utf-8")}
        except UnicodeDecodeError:
            import base64
            return {"body_encoding": "base64", "body": base64.b64encode(b).decode()}

    req_headers = [[k, "[REDACTED]" if k == "x-api-key" else v] for k, v in sent.items()]
    return {
        "format": "apiconform-exchange/1",
        "sequence": sequence,
        "started_at": started_at,
        "target": base,
        "request": dict({"method": method, "path": path, "headers": req_headers}, **body_of(data)),
        "response": dict({"status": resp.status, "headers": headers_of(resp.getheaders())}, **body_of(raw),
                         chunks=chunks, error=""),
        "timings": {"first_byte_ms": round(first_byte, 3), "total_ms": round(total, 3)},
    }


def main(base, out):
    os.makedirs(out, exist_ok=True)
    for i, (method, path, extra, body) in enumerate(EXCHANGES, 1):
        r = record(base, i, method, path, extra, body)
        name = "%06d-%s-%s.json" % (i, method, path.split("?")[0].strip("/").replace("/", "-"))
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            json.dump(r, f, indent=2, ensure_ascii=False)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
