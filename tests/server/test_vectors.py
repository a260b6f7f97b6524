"""The shared vectors (tests/vectors) through the Python reference; node runs the same files."""

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from shipguard.buyer_messages.lint import lint_data, lint_message
from shipguard.buyer_messages.render import render_message
from shipguard.deadline import add_business_days, compile_date_format, ship_by_deadline, ship_status

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
FORMATS = {
    locale: compile_date_format(f)
    for f in json.loads((ROOT / "server/shipguard/data/date-formats.json").read_text())[
        "date_formats"
    ]
    for locale in f["locales"]
}

DATA_DIR = ROOT / "server/shipguard/data"
# Assembled as the bundle is, the way the JavaScript side assembles it too.
LINT = lint_data(
    json.loads((DATA_DIR / "lint.json").read_text(encoding="utf-8")),
    json.loads((DATA_DIR / "marketplaces.json").read_text(encoding="utf-8"))["marketplaces"],
)


def load(name):
    cases = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return pytest.mark.parametrize("case", cases, ids=[c["name"] for c in cases])


def utc(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@load("ship-by.json")
def test_ship_by(case):
    deadline, detail = ship_by_deadline(case["text"], FORMATS[case["locale"]], case["time_zone"])
    if case["deadline"] is None:
        assert deadline is None and detail == case["problem"]
    else:
        assert deadline.strftime("%Y-%m-%dT%H:%M:%SZ") == case["deadline"]
    status = ship_status(False, deadline, utc(case["now"]), timedelta(hours=case["due_soon_hours"]))
    assert status == case["status"]


@load("business-days.json")
def test_business_days(case):
    start = date.fromisoformat(case["start"])
    assert (
        add_business_days(start, case["count"], case["weekend_days"]).isoformat() == case["expect"]
    )


@load("render.json")
def test_render(case):
    assert render_message(case["template"], case["locale"], case["fields"]) == case["expect"]


@load("lint.json")
def test_lint(case):
    findings = lint_message(
        case["text"], locale=case.get("locale"), marketplace=case.get("marketplace"), rules=LINT
    )
    assert findings == case["expect"]
