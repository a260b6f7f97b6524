"""The shared render and lint vectors (tests/vectors) through the server's Python twins.

node runs the same files through the extension (tests/js/vectors.test.js), so the twins
cannot drift apart. Deadlines and tracking ids have no twin: only the extension computes them.
"""

import json
from pathlib import Path

import pytest
from shipguard.bundle.schemas.lint import lint_data
from shipguard.buyer_messages.lint import lint_message
from shipguard.buyer_messages.render import render_message

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
DATA_DIR = ROOT / "server/shipguard/data"
# Assembled as the bundle is, the way the JavaScript side assembles it too.
LINT = lint_data(
    json.loads((DATA_DIR / "lint.json").read_text(encoding="utf-8")),
    json.loads((DATA_DIR / "marketplaces.json").read_text(encoding="utf-8"))["marketplaces"],
)


def load(name):
    cases = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return pytest.mark.parametrize("case", cases, ids=[c["name"] for c in cases])


@load("render.json")
def test_render(case):
    assert render_message(case["template"], case["locale"], case["fields"]) == case["expect"]


@load("lint.json")
def test_lint(case):
    findings = lint_message(
        case["text"], locale=case.get("locale"), marketplace=case.get("marketplace"), rules=LINT
    )
    assert findings == case["expect"]
