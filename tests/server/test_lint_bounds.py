"""Lint patterns run in bounded time: the dialect refuses what can backtrack without bound
(tests/vectors/lint-bounds.json, run by both twins) and lint reads at most 10,000 units of a
message. How long each rule takes on adversarial input is measured by the benchmark
(`python -m benchmarks --only lint`, benchmarks/lint_bounds.py), not timed here."""

import json
from pathlib import Path

import pytest
from shipguard.buyer_messages.lint import PATTERN_KEYS, lint_message
from shipguard.buyer_messages.lint_regex import PatternError, compile_pattern

VECTORS = json.loads(
    (Path(__file__).resolve().parents[1] / "vectors" / "lint-bounds.json").read_text("utf-8")
)


@pytest.mark.parametrize("case", VECTORS, ids=[case["name"] for case in VECTORS])
def test_dialect_refuses_unbounded_backtracking(case):
    if case["refused"] is None:
        compile_pattern(case["pattern"])
    else:
        with pytest.raises(PatternError) as refused:
            compile_pattern(case["pattern"])
        assert str(refused.value) == case["refused"]


def test_lint_reads_at_most_ten_thousand_units_of_a_message():
    # What bounds the time on a 64 KB body: rules read only its first 10,000 UTF-16 units (a
    # link past them goes unread) while too-long still blocks the whole message.
    findings = lint_message("1" * 65_000 + " www.example.com", locale="ja-JP")
    rules = {finding["rule"] for finding in findings}
    assert "too-long" in rules and "no-links" not in rules
    assert "no-links" in {f["rule"] for f in lint_message("1" * 9_000 + " www.example.com")}


def test_every_shipped_pattern_is_in_the_bounded_dialect():
    lint = json.loads(
        (Path(__file__).resolve().parents[2] / "server/shipguard/data/lint.json").read_text("utf-8")
    )
    keys = PATTERN_KEYS
    patterns = [
        pattern
        for rule in lint["rules"]
        for key in keys
        for by_language in rule.get(key, {}).values()
        for pattern in by_language
    ]
    assert len(patterns) > 500
    for pattern in patterns:
        compile_pattern(pattern)
