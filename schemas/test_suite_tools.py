#!/usr/bin/env python3
"""Tests of the suite's Python tools: schemas/generate.py and cases/coverage.py.

    python3 schemas/test_suite_tools.py        # standard library unittest; exit 0 when all pass
"""
import copy
import io
import json
import os
import shutil
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(REPO, "cases"))

import coverage  # noqa: E402
import generate  # noqa: E402
import selfcheck  # noqa: E402


def quiet(fn, *args):
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()) as err:
        code = fn(*args)
    return code, err.getvalue()


class GenerateTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.spec = generate.load_spec(generate.DEFAULT_SPEC)
        cls.files = generate.generate(cls.spec)

    def test_committed_schemas_are_what_the_generator_produces(self):
        code, err = quiet(generate.main, ["--check"])
        self.assertEqual(code, 0, err)

    def test_check_names_a_hand_edited_file_and_a_missing_one(self):
        out = tempfile.mkdtemp()
        try:
            quiet(generate.main, ["--out", out])
            with open(os.path.join(out, "message.json"), "a") as f:
                f.write(" ")
            os.remove(os.path.join(out, "events", "ping.json"))
            code, err = quiet(generate.main, ["--out", out, "--check"])
            self.assertEqual(code, 1)
            self.assertIn("message.json (differs)", err)
            self.assertIn("events/ping.json (missing)", err)
        finally:
            shutil.rmtree(out)

    def test_check_reports_generated_files_no_longer_produced(self):
        out = tempfile.mkdtemp()
        try:
            quiet(generate.main, ["--out", out])
            with open(os.path.join(out, "old.json"), "w") as f:
                json.dump({"$comment": generate.MARKER}, f)
            with open(os.path.join(out, "hand-written.json"), "w") as f:
                json.dump({"type": "object"}, f)
            code, err = quiet(generate.main, ["--out", out, "--check"])
            self.assertEqual(code, 1)
            self.assertIn("old.json (no longer generated)", err)
            self.assertNotIn("hand-written.json", err)
        finally:
            shutil.rmtree(out)

    def test_output_is_deterministic(self):
        self.assertEqual(generate.generate(self.spec), self.files)

    def test_a_relaxation_on_a_missing_component_is_an_error(self):
        broken = copy.deepcopy(self.spec)
        del broken["components"]["schemas"]["Usage"]
        with self.assertRaisesRegex(generate.GenerateError, "Usage"):
            generate.generate(broken)

    def test_a_stale_optional_relaxation_is_an_error(self):
        changed = copy.deepcopy(self.spec)
        changed["components"]["schemas"]["ResponseWebSearchResultBlock"]["required"].remove("page_age")
        with self.assertRaisesRegex(generate.GenerateError, "stale"):
            generate.generate(changed)

    def test_the_spec_file_is_verified(self):
        self.assertEqual(len(generate.SPEC_SHA256), 64)
        self.assertIn("components", self.spec)

    def test_every_file_is_self_contained_draft7(self):
        for path, text in self.files.items():
            if not path.endswith(".json"):
                continue
            doc = json.loads(text)
            self.assertEqual(doc["$schema"], generate.DRAFT7, path)
            problems = []
            selfcheck.lint_schema(doc, doc, path, problems)
            self.assertEqual(problems, [], path)

    def test_default_schemas_never_close_objects(self):
        for path, text in self.files.items():
            if path.endswith(".json") and "strict/" not in path:  # strict/ and requests/anthropic/strict/
                self.assertNotIn('"additionalProperties": false', text, path)

    def test_unknown_block_type_passes_by_default_and_fails_strictly(self):
        msg = {"id": "msg_1", "type": "message", "role": "assistant", "model": "m",
               "content": [{"type": "future_block", "x": 1}], "stop_reason": "end_turn",
               "stop_sequence": None, "usage": {"input_tokens": 1, "output_tokens": 1}}
        default = json.loads(self.files["message.json"])
        strict = json.loads(self.files["strict/message.json"])
        self.assertEqual(selfcheck.errors(default, msg, default), [])
        self.assertNotEqual(selfcheck.errors(strict, msg, strict), [])

    def test_relaxations_are_rendered_for_people(self):
        text = self.files["RELAXATIONS.md"]
        for r in generate.RELAXATIONS:
            self.assertIn("`%s`" % r["at"], text)


class CoverageTest(unittest.TestCase):
    def write_case_file(self, folder, body):
        with open(os.path.join(folder, "x.yaml"), "w") as f:
            f.write(body)

    def test_committed_coverage_is_current(self):
        code, err = quiet(coverage.main, ["--check"])
        self.assertEqual(code, 0, err)

    def test_claims_map_to_items_and_unclaimed_items_are_gaps(self):
        cases = [("a.one", "feat", ["covers:errors.auth-missing"]), ("a.two", "feat", [])]
        text = coverage.render(cases)
        self.assertIn("`a.one`", text)
        self.assertIn("- `errors.auth-invalid`", text)  # listed under Gaps
        self.assertIn("| `feat` | 2 |", text)

    def test_gateway_cases_get_their_own_checklist_section(self):
        text = coverage.render([("a.one", "feat", [])],
                               [("gateway.x", "gateway.faults", ["covers:gateway.fault-cut"])])
        self.assertIn("## Upstream mode: cases/gateway/", text)
        self.assertIn("`gateway.fault-cut`) | issue 15 §4 | `gateway.x` |", text)
        self.assertIn("- `gateway.fault-429`", text)  # a gap of upstream mode
        with self.assertRaisesRegex(coverage.CoverageError, "GATEWAY_CHECKLIST"):
            coverage.render([], [("gateway.y", "f", ["covers:errors.auth-missing"])])

    def test_unknown_item_is_an_error(self):
        with self.assertRaisesRegex(coverage.CoverageError, "covers:no.such-item"):
            coverage.render([("a.one", "f", ["covers:no.such-item"])])

    def test_scanner_reads_ids_features_and_tags_and_ignores_nested_ids(self):
        folder = tempfile.mkdtemp()
        try:
            self.write_case_file(folder, "cases:\n  - id: a.one\n    feature: f\n    tags: [smoke, covers:models.list]\n"
                                         "    request:\n      json:\n        messages:\n          - id: not-a-case\n"
                                         "  - id: a.two\n    feature: g\n")
            self.assertEqual(coverage.scan_cases(folder),
                             [("a.one", "f", ["smoke", "covers:models.list"]), ("a.two", "g", [])])
        finally:
            shutil.rmtree(folder)

    def test_scanner_rejects_block_style_tags(self):
        folder = tempfile.mkdtemp()
        try:
            self.write_case_file(folder, "cases:\n  - id: a.one\n    feature: f\n    tags:\n      - smoke\n")
            with self.assertRaisesRegex(coverage.CoverageError, "one-line list"):
                coverage.scan_cases(folder)
        finally:
            shutil.rmtree(folder)

    def test_scanner_rejects_a_title_yaml_would_misread(self):
        folder = tempfile.mkdtemp()
        try:
            self.write_case_file(folder, 'cases:\n  - id: a.one\n    title: An explicit "stream": false\n    feature: f\n')
            with self.assertRaisesRegex(coverage.CoverageError, "quote it"):
                coverage.scan_cases(folder)
        finally:
            shutil.rmtree(folder)

    def test_stale_file_fails_the_check(self):
        folder = tempfile.mkdtemp()
        try:
            out = os.path.join(folder, "coverage.md")
            with open(out, "w") as f:
                f.write("old\n")
            code, err = quiet(coverage.main, ["--check", "--out", out])
            self.assertEqual(code, 1)
            self.assertIn("stale", err)
        finally:
            shutil.rmtree(folder)


class SelfcheckTest(unittest.TestCase):
    def test_schemas_accept_and_reject_the_known_documents(self):
        code, out = quiet(selfcheck.main, [])
        self.assertEqual(code, 0, out)


if __name__ == "__main__":
    unittest.main()
