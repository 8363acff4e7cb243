#!/usr/bin/env python3
"""Generates docs/coverage.md: which cases probe each documented behaviour.

    cases/coverage.py            # rewrite docs/coverage.md
    cases/coverage.py --check    # exit 1 if docs/coverage.md is stale; write nothing

The behaviours are the checklist of the reference document (§9 of anthropic-messages-api.md)
plus the surface listed by issue 6 (content blocks, tools, thinking, caching, service tiers,
models pagination, batches, headers, every error, the 2026-10-21 version). A case claims a
behaviour with a tag `covers:<item>` (tags: [covers:errors.auth-missing]). Items no case claims
are listed as gaps, with the reason when one is known. A tag naming an item that is not in
CHECKLIST is an error (exit 2), so claims cannot drift away from the list.

The upstream-mode suite (cases/gateway/, issue 15) has its own checklist, GATEWAY_CHECKLIST: what
a gateway must forward, answer and do on each upstream fault; its cases claim those items the
same way, and docs/coverage.md gets a section for them.

Only the Python standard library is used: case files are read with a small scanner that
understands the layout the suite uses (a `cases:` list whose items start with `- id:` and carry
`feature:` and a one-line `tags: [...]`). A file it cannot read that way is an error, never
silently skipped.
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CASES_DIR = os.path.join(HERE, "anthropic")
GATEWAY_DIR = os.path.join(HERE, "gateway")
OUT = os.path.join(REPO, "docs", "coverage.md")

# (item id, reference section, behaviour, reason when known to be uncovered)
CHECKLIST = [
    ("Non-streaming responses", None, None, None),
    ("nonstream.content-type", "§9, §1.3", "200 body is `application/json`", None),
    ("nonstream.shape", "§9, §3.1", "type `message`, role `assistant`, id starts `msg_`, content array of known block types (warn on unknown)", None),
    ("nonstream.model", "§3.1", "`model` names the (resolved) model", None),
    ("nonstream.stop-sequence", "§9, §2.1, §3.1", "`stop_sequence` non-null iff `stop_reason` is `stop_sequence`; it names the matched string", None),
    ("nonstream.max-tokens", "§3.1", "`max_tokens` truncation gives `stop_reason: max_tokens`", None),
    ("nonstream.tool-use", "§9, §3.2", "`tool_use.input` is an object; `stop_reason: tool_use` only with a tool_use block", None),
    ("nonstream.thinking", "§3.2", "thinking blocks carry `thinking` and `signature`", None),
    ("headers.request-id", "§9, §1.3", "`request-id` header on every response", None),
    ("headers.sdk-noise", "§1.2", "SDK headers (X-Stainless-*, User-Agent, Accept) are tolerated", None),
    ("Request surface (2023-06-01)", None, None, None),
    ("request.content-text-blocks", "§2.2", "content as an array of text blocks", None),
    ("request.system-string", "§2.1", "system prompt as a string", None),
    ("request.system-blocks", "§2.1", "system prompt as text blocks", None),
    ("request.multi-turn", "§2.3", "user/assistant conversations", None),
    ("request.image-base64", "§2.2", "base64 images in each media type (jpeg, png, gif, webp)", None),
    ("request.image-url", "§2.2", "image with a URL source", None),
    ("request.document", "§2.2", "document blocks (text, content sources; citations enabled)", None),
    ("response.citations", "§3.2", "citations in responses are well-formed", None),
    ("request.metadata", "§2.1", "`metadata.user_id`", None),
    ("request.sampling", "§2.1", "temperature, top_p, top_k in range accepted (2023-06-01)", None),
    ("request.thinking", "§2.1", "extended thinking with `budget_tokens`", None),
    ("request.thinking-replay", "§2.2", "thinking / redacted_thinking passed back", None),
    ("request.service-tier", "§2.1", "`service_tier` auto / standard_only", None),
    ("request.cache-control", "§2.2", "`cache_control` on system, message and tool blocks (ttl 5m/1h)", None),
    ("response.cache-usage", "§3.3", "cache usage fields in `usage`", None),
    ("Tools", None, None, None),
    ("tools.definition", "§2.4", "custom tool definitions (description optional)", None),
    ("tools.choice-auto", "§2.1", "`tool_choice: auto`", None),
    ("tools.choice-any", "§2.1", "`tool_choice: any` forces a tool use", None),
    ("tools.choice-tool", "§2.1", "`tool_choice: tool` calls the named tool", None),
    ("tools.choice-none", "§2.1", "`tool_choice: none` calls no tool", None),
    ("tools.disable-parallel", "§2.1", "`disable_parallel_tool_use` gives exactly one tool use", None),
    ("tools.tool-result", "§2.2", "tool_use / tool_result round trip (string and block content)", None),
    ("tools.tool-result-error", "§2.2", "tool_result with `is_error`", None),
    ("tools.input-matches-schema", "issue 6 req. 6", "a tool_use `input` validates against the declared `input_schema` (the runner's tool-input check, on every case that declares tools)", None),
    ("Other endpoints", None, None, None),
    ("count-tokens.basic", "§6.1", "count_tokens returns `{input_tokens}`", None),
    ("count-tokens.system-tools", "§6.1", "count_tokens with system, tools, thinking", None),
    ("models.list", "§6.2", "models list page", None),
    ("models.get", "§6.2", "one model by id", None),
    ("models.pagination", "§6.2, §1.1", "`limit`, `after_id`, `before_id`", None),
    ("batches.create", "§6.3", "create a message batch (and its validation)", None),
    ("batches.retrieve", "§6.3", "list; retrieve / cancel / delete (unknown id -> 404)", None),
    ("batches.results", "§6.3", "results (unknown id -> 404)", None),
    ("batches.lifecycle", "§6.3", "retrieve, cancel, delete and read the JSON-lines results of a batch just created", None),
    ("Streaming", None, None, None),
    ("stream.content-type", "§9, §5.1", "`text/event-stream`", None),
    ("stream.grammar", "§9, §5.3", "every frame named, name == data.type, JSON parses, event order, delta/block compatibility", None),
    ("stream.fold", "§9, §5.2", "events fold into a message valid like a non-streamed one", None),
    ("stream.partial-json", "§9, §5.2", "concatenated `partial_json` parses to an object", None),
    ("stream.stop-sequence", "§5.2", "stop_sequence reported in message_delta", None),
    ("stream.max-tokens", "§5.2", "max_tokens stop in message_delta", None),
    ("stream.tool-use", "§5.2", "tool_use blocks streamed (auto, any, named)", None),
    ("stream.thinking", "§5.2", "thinking_delta then one signature_delta", None),
    ("stream.multi-block", "§5.3", "several blocks, index k = k-th block, no interleaving", None),
    ("stream.compare", "§9", "folded stream has the shape of the same request made without streaming", None),
    ("stream.timing", "issue 3 req. 5", "prompt first byte, incremental delivery, bounded gaps", None),
    ("stream.error-json", "§4.1", "a request rejected before streaming gets a JSON error, not a stream", None),
    ("stream.midstream-error", "§4.4, §9", "mid-stream `event: error` then close (simulated: `x-sim-error`, `expect.stream.error`)", None),
    ("Errors", None, None, None),
    ("errors.auth-missing", "§9, §1.2", "no key -> 401 authentication_error", None),
    ("errors.auth-invalid", "§9, §1.2", "bad key -> 401 authentication_error", None),
    ("errors.version-missing", "§9, §1.2", "no anthropic-version -> 400", None),
    ("errors.version-unknown", "issue 6", "unknown anthropic-version -> 400", None),
    ("errors.beta-unknown", "§1.2", "unknown anthropic-beta -> 400", None),
    ("errors.missing-field", "§9, §4.3", "missing model / max_tokens / messages -> 400", None),
    ("errors.wrong-type", "§4.3", "wrongly typed model / max_tokens / messages -> 400", None),
    ("errors.empty-messages", "§9, §4.3", "`messages: []` -> 400", None),
    ("errors.empty-content", "§4.3", "empty content in a non-final turn -> 400", None),
    ("errors.empty-text", "§4.3", "empty text block -> 400", None),
    ("errors.bad-role", "§2.1", "role other than user/assistant -> 400", None),
    ("errors.unknown-field", "§9, §2", "unknown top-level field -> 400", None),
    ("errors.invalid-json", "§4.3", "body not JSON -> 400", None),
    ("errors.sampling-range", "§9, §4.3", "out-of-range temperature / top_p / top_k -> 400 (2023-06-01)", None),
    ("errors.thinking-budget", "§4.3", "budget_tokens < 1024 or >= max_tokens -> 400", None),
    ("errors.cache-breakpoints", "§2.2", "more than 4 cache_control blocks -> 400", None),
    ("errors.validation", "§2", "other schema violations of the closed request -> 400", None),
    ("errors.unknown-model", "§9, §2.1", "unknown model -> 404 not_found_error", None),
    ("errors.not-found", "§4.2", "unknown path -> 404 not_found_error", None),
    ("errors.method", "§4.2", "wrong method -> 405 with an error envelope", None),
    ("errors.size-limit", "§1.1, §4.2", "body over 32 MB -> 413 request_too_large with the edge body", None),
    ("errors.rate-limit", "§4.2, §1.3", "429 rate_limit_error with `retry-after` (simulated: `x-sim-error`)", None),
    ("errors.overloaded", "§4.2", "529 overloaded_error (simulated: `x-sim-error`)", None),
    ("errors.server-side", "§4.2", "402 billing_error, 403 permission_error, 409 conflict_error, 500 api_error, 504 timeout_error (simulated: `x-sim-error`)", None),
    ("errors.request-id-match", "§9, §1.3", "body `request_id` equals the `request-id` header (`same_as_header`)", None),
    ("headers.both-auth", "§0, §10", "x-api-key and Authorization both sent: which one wins is unresolved and not asserted; both wrong -> a 4xx error envelope", None),
    ("API version 2026-10-21", None, None, None),
    ("api2026.basic", "§0", "plain requests work under 2026-10-21", None),
    ("api2026.sampling-removed", "§0", "temperature / top_p / top_k -> 400, even at defaults", None),
    ("api2026.document-rule", "§0", "document block in an assistant message -> 400", None),
    ("api2026.citation-rule", "§0", "user text block with citations -> 400", None),
]


# Upstream mode (cases/gateway/): the list of issue 15, "What to build" 2-4, with the source of
# each expected value (OpenAI's words: its API reference, "Create chat completion").
GATEWAY_CHECKLIST = [
    ("What the gateway forwards", None, None, None),
    ("gateway.model", "issue 15 §2", "model mapping (a model is forwarded; the reply names the model asked for)", None),
    ("gateway.max-tokens", "issue 15 §2", "`max_tokens` forwarded with its value", None),
    ("gateway.stop-sequences", "issue 15 §2", "`stop_sequences` forwarded (`stop` for OpenAI)", None),
    ("gateway.sampling", "issue 15 §2", "`temperature` (0 too) and `top_p` forwarded; `top_k` dropped for OpenAI", None),
    ("gateway.metadata", "issue 15 §2", "`metadata.user_id` forwarded (`user` for OpenAI)", None),
    ("gateway.system", "issue 15 §2", "system prompt placement (first message, once)", None),
    ("gateway.tools", "issue 15 §2", "tool definitions (name, description, schema), several in order", None),
    ("gateway.tool-choice", "issue 15 §2", "every `tool_choice` mode (auto, any, tool, none) and `disable_parallel_tool_use`", None),
    ("gateway.tool-results", "issue 15 §2", "tool calls in the history and tool results, paired and in order", None),
    ("gateway.images", "issue 15 §2", "images (base64 with their media type, URL)", None),
    ("gateway.multi-turn", "issue 15 §2", "multi-turn order, text blocks, assistant turns", None),
    ("gateway.stream-flags", "issue 15 §2", "streaming flags, including asking for usage in streams", None),
    ("What the gateway answers", None, None, None),
    ("gateway.reply-text", "issue 15 §3", "text equals the scripted text (streamed too)", None),
    ("gateway.reply-usage", "issue 15 §3", "`usage` equals the scripted counts (streamed too)", None),
    ("gateway.reply-stop-reason", "issue 15 §3", "`stop_reason` is the mapping of the scripted finish reason", None),
    ("gateway.reply-tool-input", "issue 15 §3", "tool `input` equals the scripted arguments (streamed too)", None),
    ("gateway.reply-ids", "issue 15 §3", "ids have the Anthropic form (`msg_`, `toolu_`)", None),
    ("Upstream faults", None, None, None),
    ("gateway.fault-429", "issue 15 §4", "upstream 429 -> 429 `rate_limit_error` (before a stream too)", None),
    ("gateway.fault-retry-after", "issue 15 §4", "`retry-after` relayed", None),
    ("gateway.fault-500", "issue 15 §4", "upstream 500 -> 5xx `api_error`", None),
    ("gateway.fault-503", "issue 15 §4", "upstream 503 -> a retryable 5xx", None),
    ("gateway.fault-529", "issue 15 §4", "upstream 529 -> 529 `overloaded_error`", None),
    ("gateway.fault-overloaded", "issue 15 §4", "OpenAI's overloaded error -> `overloaded_error`", None),
    ("gateway.fault-unreachable", "issue 15 §4", "unreachable upstream -> 5xx error envelope", None),
    ("gateway.fault-stall", "issue 15 §4", "slow first byte waited for", None),
    ("gateway.fault-cut", "issue 15 §4", "stream cut after N chunks -> `event: error` in the started stream", None),
    ("gateway.fault-malformed", "issue 15 §4", "malformed JSON -> 5xx error envelope", None),
    ("gateway.fault-no-leak", "issue 15 §4", "no stack trace or file path in any error text", None),
    ("gateway.fault-retries", "issue 15 §4", "whether the gateway retried, and how often (bounded)", None),
]

CASE_LINE = re.compile(r"^(\s*)- id:\s*(\S+)\s*$")
FIELD_LINE = re.compile(r"^(\s*)(feature|tags):\s*(.*?)\s*$")
# A plain (unquoted) scalar may not contain ": " or " #": YAML reads a mapping or a comment.
PLAIN_TITLE = re.compile(r"^\s*title:\s*([^'\"\s].*)$")


class CoverageError(Exception):
    pass


def scan_file(path):
    """Returns [(id, feature, [tags])] for the cases of one file."""
    cases = []
    indent = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines, 1):
        m = CASE_LINE.match(line)
        if m:
            if indent is None:
                indent = len(m.group(1))
            if len(m.group(1)) == indent:
                cases.append([m.group(2), None, [], number])
            continue
        m = PLAIN_TITLE.match(line)
        if m and (": " in m.group(1) or " #" in m.group(1)):
            raise CoverageError("%s:%d: title holds ': ' or ' #' unquoted (YAML would misread it): "
                                "quote it" % (path, number))
        m = FIELD_LINE.match(line)
        if m and cases and indent is not None and len(m.group(1)) == indent + 2:
            if m.group(2) == "feature":
                cases[-1][1] = m.group(3)
            else:
                text = m.group(3)
                if not (text.startswith("[") and text.endswith("]")):
                    raise CoverageError("%s:%d: tags must be a one-line list [a, b] for coverage.py"
                                        % (path, number))
                cases[-1][2] = [t.strip().strip("'\"") for t in text[1:-1].split(",") if t.strip()]
    if not cases:
        raise CoverageError("%s: no `- id:` case items found" % path)
    for cid, feature, _, number in cases:
        if not feature:
            raise CoverageError("%s:%d: case %s has no feature" % (path, number, cid))
    return [(c[0], c[1], c[2]) for c in cases]


def scan_cases(folder):
    cases = []
    for root, _, names in os.walk(folder):
        for n in sorted(names):
            if n.endswith((".yaml", ".yml")):
                cases.extend(scan_file(os.path.join(root, n)))
    return sorted(cases)


def claims_of(cases, checklist, where):
    """Item -> [case ids] from the `covers:` tags; an item not in `checklist` is an error."""
    items = {row[0] for row in checklist if row[1] is not None}
    claims = {}
    for cid, _, tags in cases:
        for tag in tags:
            if tag.startswith("covers:"):
                item = tag[len("covers:"):]
                if item not in items:
                    raise CoverageError("case %s: tag covers:%s names no item of the checklist %s in "
                                        "cases/coverage.py" % (cid, item, where))
                claims.setdefault(item, []).append(cid)
    return claims


def checklist_tables(checklist, claims, level):
    """One table per heading of the checklist: behaviour, reference, claiming cases or the gap."""
    out = []
    for n, row in enumerate(checklist):
        item, section, text, reason = row
        if section is None:
            out += [level + " " + item, "", "| behaviour | ref | cases |", "|---|---|---|"]
            continue
        ids = claims.get(item)
        cell = ", ".join("`%s`" % c for c in ids) if ids else "**gap**" + (": " + reason if reason else "")
        out.append("| %s (`%s`) | %s | %s |" % (text, item, section, cell))
        if n + 1 == len(checklist) or checklist[n + 1][1] is None:
            out.append("")
    return out


def gaps_of(checklist, claims):
    gaps = [row for row in checklist if row[1] is not None and row[0] not in claims]
    return ["- `%s`: %s%s" % (g[0], g[2], " — " + g[3] if g[3] else "") for g in gaps] or ["None."]


def features_table(cases):
    features = {}
    for _, feature, _ in cases:
        features[feature] = features.get(feature, 0) + 1
    return ["| feature | cases |", "|---|---|"] + ["| `%s` | %d |" % (f, features[f]) for f in sorted(features)]


def render(cases, gateway_cases=()):
    claims = claims_of(cases, CHECKLIST, "CHECKLIST")
    items = [row for row in CHECKLIST if row[1] is not None]
    covered = sum(1 for row in items if row[0] in claims)
    features = {feature for _, feature, _ in cases}
    out = ["# Coverage", "",
           "Generated by `cases/coverage.py` from the `covers:` tags of the cases in `cases/anthropic/`;",
           "do not edit (a test fails when this file is stale). Behaviours come from the checklist of",
           "the reference document (§9 of `anthropic-messages-api.md`) and from issue 6.", "",
           "**%d cases, %d features; %d of %d behaviours covered, %d gaps.**"
           % (len(cases), len(features), covered, len(items), len(items) - covered), ""]
    out += checklist_tables(CHECKLIST, claims, "##")
    out += ["## Gaps", ""] + gaps_of(CHECKLIST, claims)
    out += ["", "## Features", ""] + features_table(cases)
    if gateway_cases:
        gclaims = claims_of(gateway_cases, GATEWAY_CHECKLIST, "GATEWAY_CHECKLIST")
        gitems = [row for row in GATEWAY_CHECKLIST if row[1] is not None]
        gcovered = sum(1 for row in gitems if row[0] in gclaims)
        out += ["", "## Upstream mode: cases/gateway/", "",
                "Run with `run --upstream` (docs/upstream.md); the behaviours are issue 15's list.", "",
                "**%d cases; %d of %d behaviours covered.**" % (len(gateway_cases), gcovered, len(gitems)), ""]
        out += checklist_tables(GATEWAY_CHECKLIST, gclaims, "###")
        out += ["### Gaps in upstream mode", ""] + gaps_of(GATEWAY_CHECKLIST, gclaims)
        out += ["", "### Features in upstream mode", ""] + features_table(gateway_cases)
    return "\n".join(out) + "\n"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if docs/coverage.md is stale")
    ap.add_argument("--cases", default=CASES_DIR)
    ap.add_argument("--gateway-cases", default=GATEWAY_DIR)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args(argv)
    try:
        gateway = scan_cases(args.gateway_cases) if os.path.isdir(args.gateway_cases) else []
        text = render(scan_cases(args.cases), gateway)
    except (OSError, CoverageError) as e:
        print("coverage.py: error: %s" % e, file=sys.stderr)
        return 2
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current != text:
            print("cases/coverage.py --check: %s is stale; run cases/coverage.py" % args.out,
                  file=sys.stderr)
            return 1
        print("cases/coverage.py --check: %s up to date" % args.out)
        return 0
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print("cases/coverage.py: wrote %s" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
