#!/usr/bin/env python3
"""Runs the GitHub Action's own steps (action.yml) locally, as the runner would, against the
simulator: `run:` steps through bash with their `env:` expressions resolved from the inputs,
`uses:` steps checked for what they would receive. ctest runs it (tests/CMakeLists.txt) with the
unpacked .deb's binary, from a folder outside the source tree.

  action_test.py SOURCE_DIR APICONFORM_BINARY
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import yaml
except ImportError:
    print("python3-yaml is not installed: skipped")
    sys.exit(77)

SOURCE, BINARY = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ACTION = yaml.safe_load(open(os.path.join(SOURCE, "action.yml")))
KEY = "sk-action-test-0123456789abcdefghij"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def expand(value, inputs):
    def one(m):
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            name = expr[len("inputs."):]
            return inputs.get(name, str(ACTION["inputs"][name].get("default", "")))
        if expr == "github.action_path":
            return SOURCE
        raise AssertionError("unexpected expression " + expr)
    return re.sub(r"\$\{\{(.*?)\}\}", one, str(value))


def run_action(work, inputs, path_dirs):
    """Runs every step in order; returns (exit code of the failing step or 0, summary, outputs, uses)."""
    summary = os.path.join(work, "summary.md")
    output = os.path.join(work, "output.txt")
    for f in (summary, output):
        open(f, "w").close()
    env = dict(os.environ)
    env.update(PATH=os.pathsep.join(path_dirs + [env["PATH"]]), GITHUB_ACTION_PATH=SOURCE,
               GITHUB_STEP_SUMMARY=summary, GITHUB_OUTPUT=output, RUNNER_TEMP=work,
               APICONFORM_NO_SOURCE_TREE="1")
    failed, uses = 0, []
    for step in ACTION["runs"]["steps"]:
        if failed and step.get("if") != "always()":
            continue
        if "uses" in step:
            uses.append((step["uses"], {k: expand(v, inputs) for k, v in step.get("with", {}).items()}))
            continue
        step_env = dict(env)
        step_env.update({k: expand(v, inputs) for k, v in step.get("env", {}).items()})
        # GitHub runs `shell: bash` steps as `bash --noprofile --norc -eo pipefail {0}`.
        rc = subprocess.call(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                             cwd=work, env=step_env)
        if rc and not failed:
            failed = rc
    outputs = dict(line.split("=", 1) for line in open(output).read().splitlines() if "=" in line)
    return failed, open(summary).read(), outputs, uses


def main():
    # The action's shape: a composite with the inputs the issue names; the key only in `env:`.
    check(ACTION["runs"]["using"] == "composite", "action.yml is a composite action")
    for name in ("base-url", "key", "provider", "baseline", "formats"):
        check(name in ACTION["inputs"], "input " + name)
    for step in ACTION["runs"]["steps"]:
        check("inputs.key" not in str(step.get("run", "")) and "inputs.key" not in str(step.get("with", "")),
              "the key never appears in a command: " + step["name"])
    upload = [s for s in ACTION["runs"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    check(len(upload) == 1 and upload[0].get("if") == "always()", "the reports are uploaded, even after a failure")

    work = tempfile.mkdtemp(prefix="apiconform-action-")
    server = None
    try:
        # `apiconform` on PATH is a shim that records its arguments, then runs the real binary.
        shim_dir = os.path.join(work, "shim")
        os.mkdir(shim_dir)
        argv_log = os.path.join(work, "argv.log")
        with open(os.path.join(shim_dir, "apiconform"), "w") as f:
            f.write('#!/bin/sh\necho "$*" >> "%s"\nexec "%s" "$@"\n' % (argv_log, BINARY))
        os.chmod(os.path.join(shim_dir, "apiconform"), 0o755)

        # 1. The default: the suite against the embedded reference simulator, html+junit asked
        #    (md is added for the summary).
        rc, summary, outputs, uses = run_action(work, {"formats": "html,junit", "out": "out1"}, [shim_dir])
        check(rc == 0, "the reference run passes (rc %d)" % rc)
        check(summary.startswith("## apiconform compatibility report"), "the Markdown report is the job summary")
        for f in ("results.json", "report.html", "junit.xml", "report.md"):
            check(os.path.isfile(os.path.join(work, "out1", f)), "out1/" + f + " written")
        check(outputs.get("results") == "out1/results.json" and outputs.get("exit-code") == "0", "step outputs")
        check(uses and uses[-1][1].get("path") == "out1", "the upload step receives the out folder")

        # 2. An endpoint by URL with a key from a "secret": a simulator serving on a free port.
        serve_log = os.path.join(work, "serve.log")
        server = subprocess.Popen([BINARY, "serve", "--port", "0", "--key", KEY],
                                  stdout=open(serve_log, "w"), stderr=subprocess.STDOUT)
        url = None
        while url is None and server.poll() is None:
            time.sleep(0.05)  # polling for the port it printed, not timing anything
            m = re.search(r"on (http://127\.0\.0\.1:\d+)", open(serve_log).read())
            url = m.group(1) if m else None
        check(url is not None, "the simulator serves")
        rc, summary, outputs, _ = run_action(
            work, {"base-url": url, "key": KEY, "out": "out2", "baseline": os.path.join(work, "out1", "results.json")},
            [shim_dir])
        check(rc == 0, "the run against the served simulator with the baseline passes (rc %d)" % rc)
        argv = open(argv_log).read()
        check("--key-env APICONFORM_KEY" in argv and "--baseline " in argv, "the run names the key variable: " + argv)
        check(KEY not in argv, "the key never appears on a command line")
        for root, _, files in os.walk(os.path.join(work, "out2")):
            for f in files:
                check(KEY[:12] not in open(os.path.join(root, f), errors="replace").read(), "the key is not in " + f)
        check(KEY[:12] not in summary, "the key is not in the summary")

        # 3. A first run: the baseline does not exist yet, the run goes on without one.
        rc, _, _, _ = run_action(work, {"provider": "reference", "out": "out3",
                                        "baseline": "reports/baseline/results.json"}, [shim_dir])
        check(rc == 0, "a missing baseline is not an error (rc %d)" % rc)

        # 4. A run that fails still writes the summary and the outputs, and the upload still runs.
        rc, summary, outputs, uses = run_action(work, {"out": "out4", "args": "--case no-such-case"}, [shim_dir])
        check(rc == 2 and outputs.get("exit-code") == "2", "an input error fails the step with exit 2 (rc %d)" % rc)
        check(uses and uses[-1][0].startswith("actions/upload-artifact@"), "the upload runs after a failure")
    finally:
        if server:
            server.terminate()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(1)
    print("ok: the action's steps ran locally")


main()
