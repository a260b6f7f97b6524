"""The shared render and lint vectors (tests/vectors) through the server's Python twins.

node runs the same files through the extension (tests/js/vectors.test.js), so the twins
cannot drift apart. Deadlines and tracking ids have no twin: only the extension computes them.
"""

import json
from pathlib import Path

import pytest
from shipguard.buyer_messages.lint import lint_data, lint_message
from shipguard.buyer_messages.message_dates import format_message_date, message_date_formats
from shipguard.buyer_messages.render import render_message

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
DATA_DIR = ROOT / "server/shipguard/data"
# Assembled as the bundle is, the way the JavaScript side assembles it too.
LINT = lint_data(
    json.loads((DATA_DIR / "lint.json").read_text(encoding="utf-8")),
    json.loads((DATA_DIR / "marketplaces.json").read_text(encoding="utf-8"))["marketplaces"],
)

DATE_FORMATS = json.loads((DATA_DIR / "date-formats.json").read_text(encoding="utf-8"))[
    "date_formats"
]


def load(name):
    cases = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return pytest.mark.parametrize("case", cases, ids=[c["name"] for c in cases])


@load("render.json")
def test_render(case):
    rendered = render_message(case["template"], case["locale"], case["fields"], DATE_FORMATS)
    assert rendered == case["expect"]


@load("message-dates.json")
def test_message_date(case):
    formats = message_date_formats(DATE_FORMATS)
    assert format_message_date(case["day"], case["locale"], formats) == case["expect"]


@load("lint.json")
def test_lint(case):
    findings = lint_message(
        case["text"], locale=case.get("locale"), marketplace=case.get("marketplace"), rules=LINT
    )
    assert findings == case["expect"]
