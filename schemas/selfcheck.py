#!/usr/bin/env python3
"""Offline sanity check of the generated schemas (python3 standard library only).

    schemas/selfcheck.py [--samples DIR]

1. Every *.json under schemas/anthropic/ loads, declares draft 7, uses only keywords Valijson
   implements for draft 7, and every "$ref" resolves inside its own file.
2. Known-good documents pass and known-bad ones fail, in the default and the strict variant:
   the reference document's examples (§3.1 message, §4.1 error, §4.2 413 edge body and 529 body,
   §6.2 model), hand-made negatives for each invariant, and every event of the recorded streams
   (sse-samples 01-07) against its per-event schema, plus the message each stream folds into.

It carries a small draft-7 validator for the subset of keywords the generator emits. It is a
second opinion, not the suite's validator (that is Valijson, in C++); it exists so the schemas can
be checked where the C++ build is not available. Exit 0 when every check holds, 1 otherwise.
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "anthropic")
# The recorded streams, vendored for the stream tests; the shared reference copy otherwise.
DEFAULT_SAMPLES = next((d for d in (os.path.join(os.path.dirname(HERE), "tests", "unit", "stream", "samples"),
                                    "/work/shared/reference/sse-samples") if os.path.isdir(d)),
                       "/work/shared/reference/sse-samples")

# Keywords Valijson (1.0, draft 7 parser) understands, plus annotations it ignores.
KEYWORDS = {"$schema", "$comment", "$ref", "definitions", "type", "const", "enum", "properties",
            "required", "additionalProperties", "items", "allOf", "anyOf", "oneOf", "not", "if",
            "then", "else", "contains", "pattern", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "format",
            "uniqueItems", "propertyNames", "patternProperties", "dependencies", "multipleOf",
            "minProperties", "maxProperties", "additionalItems"}
SUBSCHEMA_MAPS = {"properties", "definitions", "patternProperties"}
SUBSCHEMA_LISTS = {"allOf", "anyOf", "oneOf"}
SUBSCHEMA_ONE = {"items", "not", "if", "then", "else", "contains", "additionalProperties",
                 "propertyNames"}


def lint_schema(node, doc, where, problems):
    if isinstance(node, bool):
        return
    if not isinstance(node, dict):
        problems.append("%s: schema is %s, not an object" % (where, type(node).__name__))
        return
    for key, value in node.items():
        if key not in KEYWORDS:
            problems.append("%s: keyword %r is not draft 7 / not used by Valijson" % (where, key))
        if key == "$ref":
            if resolve(doc, value) is None:
                problems.append("%s: $ref %r does not resolve in this file" % (where, value))
        elif key in SUBSCHEMA_MAPS:
            for k, v in value.items():
                lint_schema(v, doc, "%s/%s/%s" % (where, key, k), problems)
        elif key in SUBSCHEMA_LISTS:
            for i, v in enumerate(value):
                lint_schema(v, doc, "%s/%s/%d" % (where, key, i), problems)
        elif key in SUBSCHEMA_ONE:
            lint_schema(value, doc, "%s/%s" % (where, key), problems)


def resolve(doc, ref):
    if not ref.startswith("#/"):
        return None
    node = doc
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


DATE_TIME = re.compile(r"^[0-9]+-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):"
                       r"[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$")

TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool)
    or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}


def errors(schema, value, doc, ptr="", out=None):
    """Appends '<pointer>: <problem>' for every failed keyword; returns the list."""
    out = [] if out is None else out
    if schema is True:
        return out
    if schema is False:
        out.append("%s: not allowed" % (ptr or "/"))
        return out
    if "$ref" in schema:
        return errors(resolve(doc, schema["$ref"]), value, doc, ptr, out)
    at = ptr or "/"
    t = schema.get("type")
    if t is not None:
        names = t if isinstance(t, list) else [t]
        if not any(TYPES[n](value) for n in names):
            out.append("%s: type %s expected, got %s" % (at, t, json.dumps(value)[:60]))
            return out
    if "const" in schema and value != schema["const"]:
        out.append("%s: const %r, got %r" % (at, schema["const"], value))
    if "enum" in schema and value not in schema["enum"]:
        out.append("%s: one of %s, got %r" % (at, schema["enum"], value))
    if schema.get("format") == "date-time" and not (isinstance(value, str) and DATE_TIME.match(value)):
        # Valijson 1.0 applies format to every value, null included: mirror it
        out.append("%s: not a date-time: %r" % (at, value))
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            out.append("%s: %r does not match %s" % (at, value, schema["pattern"]))
        if len(value) < schema.get("minLength", 0):
            out.append("%s: shorter than %d" % (at, schema["minLength"]))
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            out.append("%s: longer than %d" % (at, schema["maxLength"]))
    if TYPES["number"](value):
        if "minimum" in schema and value < schema["minimum"]:
            out.append("%s: below minimum %s" % (at, schema["minimum"]))
        if "maximum" in schema and value > schema["maximum"]:
            out.append("%s: above maximum %s" % (at, schema["maximum"]))
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                out.append("%s: required property %r missing" % (at, name))
        props = schema.get("properties", {})
        for name, sub in props.items():
            if name in value:
                errors(sub, value[name], doc, "%s/%s" % (ptr, name), out)
        if schema.get("additionalProperties") is False:
            for name in value:
                if name not in props:
                    out.append("%s: unknown property %r" % (at, name))
    if isinstance(value, list):
        if "items" in schema:
            for i, item in enumerate(value):
                errors(schema["items"], item, doc, "%s/%d" % (ptr, i), out)
        if "contains" in schema and not any(not errors(schema["contains"], x, doc) for x in value):
            out.append("%s: no element matches 'contains'" % at)
        if len(value) < schema.get("minItems", 0):
            out.append("%s: fewer than %d items" % (at, schema["minItems"]))
    for sub in schema.get("allOf", []):
        errors(sub, value, doc, ptr, out)
    if "anyOf" in schema and all(errors(s, value, doc, ptr) for s in schema["anyOf"]):
        out.append("%s: no anyOf branch matches" % at)
    if "oneOf" in schema and sum(1 for s in schema["oneOf"] if not errors(s, value, doc, ptr)) != 1:
        out.append("%s: not exactly one oneOf branch matches" % at)
    if "if" in schema:
        branch = "then" if not errors(schema["if"], value, doc, ptr) else "else"
        if branch in schema:
            errors(schema[branch], value, doc, ptr, out)
    return out


class Checker:
    def __init__(self):
        self.docs = {}
        self.failures = []
        self.count = 0

    def load_all(self):
        for root, _, names in os.walk(ROOT):
            for n in sorted(names):
                if not n.endswith(".json"):
                    continue
                path = os.path.join(root, n)
                rel = os.path.relpath(path, ROOT).replace(os.sep, "/")
                try:
                    with open(path, encoding="utf-8") as f:
                        doc = json.load(f)
                except ValueError as e:
                    self.failures.append("%s: not JSON: %s" % (rel, e))
                    continue
                if doc.get("$schema") != "http://json-schema.org/draft-07/schema#":
                    self.failures.append("%s: $schema is not draft-07" % rel)
                problems = []
                lint_schema(doc, doc, rel + "#", problems)
                self.failures.extend(problems)
                self.docs[rel] = doc

    def expect(self, ref, value, ok, label):
        """ok: True (valid), False (invalid)."""
        self.count += 1
        doc = self.docs.get(ref)
        if doc is None:
            self.failures.append("%s: schema %s missing" % (label, ref))
            return
        errs = errors(doc, value, doc)
        if ok and errs:
            self.failures.append("%s: expected valid under %s, got: %s" % (label, ref, "; ".join(errs[:4])))
        if not ok and not errs:
            self.failures.append("%s: expected a failure under %s, but it validated" % (label, ref))

    def both(self, ref, value, label, strict_ok=True):
        self.expect(ref, value, True, label)
        self.expect("strict/" + ref, value, strict_ok, label + " (strict)")

    def neither(self, ref, value, label):
        self.expect(ref, value, False, label)
        self.expect("strict/" + ref, value, False, label + " (strict)")


def message(**over):
    m = {"id": "msg_01Fg1JVgvCYUHWsxrj9GkpEv", "type": "message", "role": "assistant",
         "model": "claude-3-opus-20240229",
         "content": [{"type": "text", "text": "The capital of France is Paris."}],
         "stop_reason": "end_turn", "stop_sequence": None,
         "usage": {"input_tokens": 20, "output_tokens": 10}}
    m.update(over)
    return m


def check_documents(c):
    # §3.1 real example (with cache fields and service_tier)
    real = message(usage={"input_tokens": 20, "cache_creation_input_tokens": 0,
                          "cache_read_input_tokens": 0,
                          "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 0},
                          "output_tokens": 10, "service_tier": "standard"})
    c.both("message.json", real, "§3.1 real message")
    c.both("message.json", message(), "minimal message")
    c.both("message.json", message(content=[]), "empty content")
    c.both("message.json", message(id="msg_bdrk_01abc"), "Bedrock id")
    tool = message(stop_reason="tool_use", content=[
        {"type": "text", "text": "Let me check."},
        {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather",
         "input": {"location": "Paris"}}])
    c.both("message.json", tool, "tool_use message")
    c.both("message.json", message(stop_reason="stop_sequence", stop_sequence="END"), "stop_sequence")
    c.both("message.json", message(content=[{"type": "thinking", "thinking": "hm", "signature": "sig"},
                                            {"type": "redacted_thinking", "data": "abc"},
                                            {"type": "text", "text": "x", "citations": None}]),
           "thinking blocks")
    # warn-don't-fail: unknown block types and fields pass by default, fail strictly
    c.both("message.json", message(content=[{"type": "compaction", "content": "x"}]),
           "unknown block type", strict_ok=False)
    # fields of the current API are known to the 2026-07-28 spec: no warning for them
    c.both("message.json", message(container=None, stop_details={"type": "refusal", "category": None,
                                                                   "explanation": None}), "2026 fields")
    c.both("message.json", message(usage={"input_tokens": 3, "output_tokens": 5, "inference_geo": "not_available",
                                          "output_tokens_details": {"thinking_tokens": 0},
                                          "service_tier": "standard"}), "2026 usage fields")
    c.both("message.json", message(x_gateway_trace="abc"), "unknown field", strict_ok=False)
    c.both("message.json", message(content=[{"type": "tool_use", "id": "call_1", "name": "f", "input": {}}],
                                   stop_reason="tool_use"), "non-toolu_ id", strict_ok=False)
    # invariants
    c.neither("message.json", message(stop_reason="stop_sequence"), "stop_sequence null with stop_sequence reason")
    c.neither("message.json", message(stop_sequence="END"), "stop_sequence set with end_turn")
    c.neither("message.json", message(stop_reason="tool_use"), "tool_use reason without block")
    c.neither("message.json", message(stop_reason=None), "null stop_reason")
    c.neither("message.json", message(stop_reason="finished"), "unknown stop_reason")
    c.neither("message.json", message(id="chatcmpl-123"), "id without msg_")
    c.neither("message.json", message(usage={"input_tokens": 3, "output_tokens": 0}), "zero output_tokens")
    c.neither("message.json", message(usage={"input_tokens": 3}), "usage without output_tokens")
    c.neither("message.json", message(role="user"), "role user")
    c.neither("message.json", message(content=[{"type": "tool_use", "id": "bad id!", "name": "f", "input": {}}],
                                      stop_reason="tool_use"), "tool_use id pattern")
    c.neither("message.json", message(content=[{"type": "tool_use", "id": "toolu_1", "name": "f",
                                                "input": "{}"}], stop_reason="tool_use"), "string input")
    c.neither("message.json", message(content=[{"type": "text"}]), "text block without text")
    c.neither("message.json", message(content=[{"text": "x"}]), "block without type")
    openai = {"id": "chatcmpl-1", "object": "chat.completion", "choices": [], "usage": {"prompt_tokens": 1}}
    c.neither("message.json", openai, "OpenAI chat.completion body")

    # errors §4.1, §4.2
    env = {"type": "error", "error": {"type": "not_found_error",
                                      "message": "The requested resource could not be found."},
           "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy"}
    c.both("error.json", env, "§4.1 envelope")
    c.both("error.json", {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}},
           "§4.2 529 body")
    c.both("error.json", {"type": "error", "error": {"details": None, "type": "overloaded_error",
                                                     "message": "Overloaded"}}, "details:null",
           strict_ok=False)
    c.both("error.json", {"type": "error", "error": {"type": "brand_new_error", "message": "x"}},
           "unknown error type", strict_ok=False)
    edge = {"error": {"type": "request_too_large", "message": "Request exceeds the maximum size"}}
    c.both("error-413-edge.json", edge, "§4.2 413 edge body")
    c.both("error-413-edge.json", {"type": "error", "error": edge["error"], "request_id": "req_1"},
           "413 full envelope")
    c.neither("error-413-edge.json", env, "404 body as 413")
    c.neither("error.json", edge, "edge body is not an envelope")
    c.neither("error.json", {"type": "error", "error": {"type": "invalid_request_error"}}, "no message")
    c.neither("error.json", {"error": {"message": "x", "type": "invalid_request_error", "param": None,
                                       "code": None}}, "OpenAI error envelope")

    # other endpoints §6
    model = {"type": "model", "id": "claude-sonnet-4-20250514", "display_name": "Claude Sonnet 4",
             "created_at": "2025-05-14T00:00:00Z"}
    c.both("model.json", model, "§6.2 ModelInfo")
    c.neither("model.json", {"type": "model", "id": "x"}, "ModelInfo missing fields")
    c.both("model-list.json", {"data": [model], "has_more": False, "first_id": model["id"],
                               "last_id": model["id"]}, "model list")
    c.neither("model-list.json", {"object": "list", "data": [{"id": "gpt-4o", "object": "model"}]},
              "OpenAI model list")
    c.both("count-tokens.json", {"input_tokens": 14}, "count_tokens")
    c.neither("count-tokens.json", {"tokens": 14}, "count_tokens wrong name")
    batch = {"id": "msgbatch_01", "type": "message_batch", "processing_status": "in_progress",
             "request_counts": {"processing": 1, "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0},
             "created_at": "2026-11-22T10:00:00Z", "expires_at": "2026-11-23T10:00:00Z",
             "ended_at": None, "cancel_initiated_at": None, "archived_at": None, "results_url": None}
    c.both("message-batch.json", batch, "§6.3 MessageBatch")
    c.both("message-batch-list.json", {"data": [batch], "has_more": False, "first_id": "msgbatch_01",
                                       "last_id": "msgbatch_01"}, "batch list")
    c.both("message-batch-deleted.json", {"id": "msgbatch_01", "type": "message_batch_deleted"}, "batch deleted")
    c.both("batch-result-line.json", {"custom_id": "a", "result": {"type": "succeeded", "message": message()}},
           "succeeded line")
    c.both("batch-result-line.json", {"custom_id": "b", "result": {"type": "errored", "error": env}}, "errored line")
    c.both("batch-result-line.json", {"custom_id": "c", "result": {"type": "expired"}}, "expired line")
    c.neither("batch-result-line.json", {"custom_id": "d", "result": {"type": "succeeded"}}, "succeeded w/o message")


def check_events(c):
    delta = {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hi"}}
    c.both("events/deltas/text_delta.json", delta, "text_delta event")
    c.both("events/content_block_delta.json", delta, "generic delta envelope")
    c.both("events/content_block_delta.json", {"type": "content_block_delta", "index": 0,
                                               "delta": {"type": "future_delta", "x": 1}},
           "unknown delta type", strict_ok=False)
    c.neither("events/deltas/text_delta.json", {"type": "content_block_delta", "index": 0,
                                                "delta": {"type": "text_delta"}}, "text_delta without text")
    c.neither("events/deltas/input_json_delta.json", delta, "text delta under input_json_delta")
    c.neither("events/deltas/text_delta.json", {"type": "content_block_delta", "delta": delta["delta"]},
              "delta without index")
    c.neither("events/message_delta.json", {"type": "message_delta", "delta": {"stop_reason": "end_turn",
                                            "stop_sequence": None}, "usage": {}}, "message_delta without output_tokens")
    c.both("events/message_delta.json", {"type": "message_delta", "delta": {"stop_reason": "end_turn",
                                         "stop_sequence": None}, "usage": {"output_tokens": 5}}, "minimal message_delta")
    c.neither("events/ping.json", {"type": "pong"}, "ping with another type")
    c.neither("events/message_stop.json", {"type": "message_delta"}, "message_stop with another type")
    c.neither("events/content_block_start.json", {"type": "content_block_start", "index": 0,
                                                  "content_block": {"type": "tool_use", "name": "f", "input": {}}},
              "tool_use start without id")
    c.both("events/content_block_start.json", {"type": "content_block_start", "index": 1,
                                               "content_block": {"type": "mcp_tool_use", "id": "x"}},
           "unknown block type at start", strict_ok=False)
    c.both("events/error.json", {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}},
           "§4.4 error event")
    c.neither("events/error.json", {"error": {"message": "x"}}, "error event without types")


def parse_sse(text):
    events, name, data = [], None, []
    for line in re.split(r"\r\n|\r|\n", text):
        if line == "":
            if data:
                events.append((name, "\n".join(data)))
            name, data = None, []
        elif line.startswith("event:"):
            name = line[6:].lstrip(" ")
        elif line.startswith("data:"):
            data.append(line[5:][1:] if line[5:].startswith(" ") else line[5:])
    if data:  # sample 02 has no final blank line; accepted here, the SSE stage judges framing
        events.append((name, "\n".join(data)))
    return events


def fold(events):
    msg, partial = None, {}
    for name, value in events:
        if name == "message_start":
            msg = value["message"]
        elif name == "content_block_start":
            msg["content"].append(dict(value["content_block"]))
            partial[value["index"]] = ""
        elif name == "content_block_delta":
            block, d = msg["content"][value["index"]], value["delta"]
            if d["type"] == "text_delta":
                block["text"] += d["text"]
            elif d["type"] == "input_json_delta":
                partial[value["index"]] += d["partial_json"]
            elif d["type"] == "thinking_delta":
                block["thinking"] += d["thinking"]
            elif d["type"] == "signature_delta":
                block["signature"] = d["signature"]
            elif d["type"] == "citations_delta":
                block.setdefault("citations", []).append(d["citation"])
        elif name == "content_block_stop":
            text = partial.get(value["index"], "")
            if "input" in msg["content"][value["index"]]:
                msg["content"][value["index"]]["input"] = json.loads(text) if text else {}
        elif name == "message_delta":
            msg.update(value["delta"])
            msg["usage"].update({k: v for k, v in value["usage"].items() if v is not None})
    return msg


def check_samples(c, samples):
    if not os.path.isdir(samples):
        print("selfcheck: %s not found; recorded streams skipped" % samples)
        return
    for n in sorted(os.listdir(samples)):
        if not n.endswith(".sse") or n.startswith("9"):
            continue
        with open(os.path.join(samples, n), encoding="utf-8") as f:
            events = [(name, json.loads(data)) for name, data in parse_sse(f.read())]
        for i, (name, value) in enumerate(events):
            label = "%s event %d (%s)" % (n, i, name)
            c.expect("events/%s.json" % name, value, True, label)
            if name == "content_block_delta":
                c.expect("events/deltas/%s.json" % value["delta"]["type"], value, True, label)
                other = "text_delta" if value["delta"]["type"] != "text_delta" else "thinking_delta"
                c.expect("events/deltas/%s.json" % other, value, False, label + " vs " + other)
        if any(name == "message_stop" for name, _ in events):
            c.expect("message.json", fold(events), True, n + " folded")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--samples", default=DEFAULT_SAMPLES)
    args = ap.parse_args(argv)
    c = Checker()
    c.load_all()
    check_documents(c)
    check_events(c)
    check_samples(c, args.samples)
    for f in c.failures:
        print("selfcheck: FAIL " + f)
    print("selfcheck: %d schema files, %d document checks, %d failure(s)"
          % (len(c.docs), c.count, len(c.failures)))
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
