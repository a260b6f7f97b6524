"""bundle.json as packed into the extension: laid out for deflate, read back by the extension
(its own code, run by node) as the server serves it."""

import json
import re
import shutil
import subprocess
import zlib
from pathlib import Path

from shipguard.bundle.schemas.lint import PATTERN_KEYS
from shipguard.commands.packed_bundle import UNREAD_PAGE_FIELDS, packed_bundle
from shipguard.commands.script_text import compact_script

REPO = Path(__file__).resolve().parents[2]
# Node.js runs the extension's unit tests too; `make test` installs it.
NODE = shutil.which("node") or "node"
READ_BACK = """
import { readFileSync } from "node:fs";
import { servedLayout } from "%s";
const packed = JSON.parse(readFileSync(process.argv[1], "utf8"));
process.stdout.write(JSON.stringify(servedLayout(packed)));
"""


def read_back(path):
    """The packed bundle at `path` as the extension's packed-bundle.js reads it."""
    module = (REPO / "extension" / "core" / "packed-bundle.js").as_uri()
    result = subprocess.run(
        [NODE, "--input-type=module", "-e", READ_BACK % module, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def served(client):
    bundle = client.get("/api/v1/bundle").get_json()
    for page in bundle["pages"]:
        for field in UNREAD_PAGE_FIELDS:
            page.pop(field, None)
    return bundle


def test_the_extension_reads_the_packed_bundle_as_the_server_serves_it(built_dist, client):
    for browser in ("chrome", "firefox"):
        assert read_back(built_dist / browser / "bundle.json") == served(client), browser


def test_a_served_bundle_reads_back_unchanged(tmp_path, client):
    path = tmp_path / "served.json"
    path.write_bytes(client.get("/api/v1/bundle").data)
    assert read_back(path) == client.get("/api/v1/bundle").get_json()


def test_the_lint_patterns_are_packed_by_language_then_rule(client):
    bundle = client.get("/api/v1/bundle").get_json()
    packed = json.loads(packed_bundle(client.get("/api/v1/bundle").data))
    assert not any(key in rule for rule in packed["lint"]["rules"] for key in PATTERN_KEYS)
    by_language = packed["lint"]["patterns_by_language"]
    assert set(by_language) == {
        code
        for rule in bundle["lint"]["rules"]
        for key in PATTERN_KEYS
        for code in rule.get(key, {})
    }
    english = by_language["en"]["no-review-requests"]["patterns"]
    review = next(r for r in bundle["lint"]["rules"] if r["id"] == "no-review-requests")
    assert english == review["patterns"]["en"]


def test_the_packed_layout_deflates_smaller_than_the_served_one(client):
    body = client.get("/api/v1/bundle").data
    without_unread = json.dumps(served(client), sort_keys=True, separators=(",", ":"))

    def deflated(data):
        return len(zlib.compress(data, 9))

    assert deflated(packed_bundle(body)) < deflated(without_unread.encode()) * 0.97


def test_the_fields_left_out_are_read_nowhere_in_the_extension():
    for path in sorted((REPO / "extension").rglob("*.js")):
        code = compact_script(path.read_text(encoding="utf-8"))  # without its comments
        for field in UNREAD_PAGE_FIELDS:
            assert not re.search(rf"\b{field}\b", code), f"{path.name} reads pages' {field}"
