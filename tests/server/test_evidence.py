"""Every adapter selector, JSON path and fixture page rests on evidence a clone has.

The evidence is material written outside the project (tests/fixtures/evidence/seller-central/,
sources in its README); a fixture page counts too where no outside source shows a variant.
A note names its files first: ``evidence/seller-central/x.txt (2); y.md`` (later names in the
same folder), or ``sellercentral/<fixture>.html (why)``.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
PAGES = ROOT / "server" / "shipguard" / "data" / "pages"
FIXTURE_NOTES = FIXTURES / "evidence" / "fixtures.json"
FILE = re.compile(r"[\w./-]+\.(?:txt|json|js|ts|md|html)\b")


def adapters():
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(PAGES.glob("*.json"))}


def cited(adapter):
    """Every selector and JSON path the adapter reads."""
    found = {s for group in adapter.get("selectors", {}).values() for s in group}
    for shape in adapter.get("json", {}).get("shapes", []):
        found |= {
            shape["orders"],
            *shape["fields"].values(),
            *shape.get("item_fields", {}).values(),
        }
    return found


def files_named(note):
    """The files a note names, as paths: the first one's folder holds the later bare names."""
    names = FILE.findall(note)
    if not names:
        return []
    first = FIXTURES / names[0]
    return [first] + [
        first.parent / n if "/" not in n else FIXTURES / n for n in names[1:] if n != names[0]
    ]


def assert_rests_on_evidence(note, what):
    files = files_named(note)
    assert files, f"{what}: the note {note!r} names no evidence file"
    missing = [str(f.relative_to(FIXTURES)) for f in files if not f.is_file()]
    assert not missing, f"{what}: the note {note!r} names files that do not exist: {missing}"


@pytest.mark.parametrize("page", sorted(adapters()))
def test_every_selector_and_json_path_has_an_evidence_note(page):
    adapter = adapters()[page]
    notes = adapter.get("evidence", {})
    missing = sorted(cited(adapter) - set(notes))
    assert not missing, f"{page}: no evidence note for {missing}"
    assert not set(notes) - cited(adapter), f"{page}: notes for what it no longer reads"
    for selector, note in notes.items():
        assert_rests_on_evidence(note, f"{page} {selector}")


def test_every_fixture_page_has_an_evidence_note():
    notes = json.loads(FIXTURE_NOTES.read_text(encoding="utf-8"))
    pages = sorted(
        p.name
        for p in (FIXTURES / "sellercentral").iterdir()
        if p.suffix in (".html", ".json") and not p.name.endswith(".expect.json")
    )
    assert sorted(notes) == pages, "tests/fixtures/evidence/fixtures.json must name every fixture"
    for name, note in notes.items():
        assert_rests_on_evidence(note, name)


def test_a_missing_note_or_file_is_caught():
    """The checks above fail for what they are meant to catch."""
    adapter = adapters()["confirm-shipment"]
    adapter["selectors"]["carrier"].append("select.new-carrier")
    assert "select.new-carrier" in cited(adapter) - set(adapter["evidence"])
    with pytest.raises(AssertionError):
        assert_rests_on_evidence("seen somewhere", "x")
    with pytest.raises(AssertionError):
        assert_rests_on_evidence("evidence/seller-central/no-such-file.txt", "x")
