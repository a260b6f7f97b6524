"""Data files stay in one canonical form (sorted keys, two-space indent, final newline), so
every diff shows a real change and two people's edits never fight over formatting."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA_FILES = sorted(
    [
        *ROOT.glob("server/shipguard/data/**/*.json"),
        *ROOT.glob("messages/*.json"),
        *ROOT.glob("tests/vectors/*.json"),
        *ROOT.glob("extension/_locales/*/messages.json"),
        *ROOT.glob("i18n/*.json"),
        ROOT / "extension" / "core" / "features.json",
    ]
)


def canonical(text):
    return json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("path", DATA_FILES, ids=[str(p.relative_to(ROOT)) for p in DATA_FILES])
def test_data_file_is_canonical(path):
    text = path.read_text(encoding="utf-8")
    assert text == canonical(text), (
        "not canonical: json.dumps(indent=2, sort_keys=True, ensure_ascii=False) + newline"
    )


def test_there_are_data_files_to_check():
    assert len(DATA_FILES) > 20
