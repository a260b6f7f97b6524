"""Lint patterns run in bounded time: the dialect refuses what can backtrack without bound
(tests/vectors/lint-bounds.json, run by both twins), and every shipped rule stays under 50 ms
of CPU on 10,000 characters of each character its patterns use, read in the heaviest set of
languages one message can be read in (its marketplace's languages plus the one detected)."""

import json
import time
from dataclasses import replace
from pathlib import Path

import pytest
from shipguard.buyer_messages.lint import (
    _context,
    _default_rules,
    declared_languages,
    lint_message,
)
from shipguard.buyer_messages.lint_kinds import CHECKS
from shipguard.buyer_messages.lint_regex import PatternError, compile_pattern

VECTORS = json.loads(
    (Path(__file__).resolve().parents[1] / "vectors" / "lint-bounds.json").read_text("utf-8")
)
LIMIT_SECONDS = 0.050
LENGTH = 10_000
# What each escape and `.` stands for in an adversarial run.
ESCAPES = {"d": "0", "s": " ", "w": "a", "n": "\n", "b": "a", "S": "a", "W": " ", "D": "a"}


@pytest.mark.parametrize("case", VECTORS, ids=[case["name"] for case in VECTORS])
def test_dialect_refuses_unbounded_backtracking(case):
    if case["refused"] is None:
        compile_pattern(case["pattern"])
    else:
        with pytest.raises(PatternError) as refused:
            compile_pattern(case["pattern"])
        assert str(refused.value) == case["refused"]


def characters_of(pattern):
    """One character for each character, escape and class start the pattern uses."""
    found, index = set(), 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            found.add(ESCAPES.get(pattern[index + 1], pattern[index + 1]))
            index += 2
            continue
        found.add("a" if char == "." else char)
        index += 1
    return found - set("()|?*+{}^$")


def rule_inputs(rule):
    """The characters of every pattern of the rule, in every language."""
    characters = set()
    for key in rule.patterns:
        for patterns in rule.spec[key].values():
            for pattern in patterns:
                characters |= characters_of(pattern)
    return sorted(characters)


def slowest(rule, context_of):
    """(seconds, character) of the rule's slowest adversarial run, best of three tries each."""
    worst = (0.0, "")
    for character in rule_inputs(rule) or ["a"]:
        context = context_of(character * LENGTH)
        timings = []
        for _ in range(3):
            # CPU time: what the rule costs, whatever else the machine is doing.
            start = time.process_time()
            CHECKS[rule.kind](rule, context)
            timings.append(time.process_time() - start)
        worst = max(worst, (min(timings), character))
    return worst


def heaviest_languages(rule, lint):
    """The languages, as many as one message can be read in, with the most patterns of the rule."""
    most = max(len(declared_languages(None, code, lint)) for code in lint.message_locales) + 1
    weight = {
        code: sum(len(rule.spec[key].get(code, ())) for key in rule.patterns)
        for code in sorted(lint.profiles)
    }
    return tuple(sorted(weight, key=weight.get, reverse=True)[:most])


@pytest.mark.parametrize("rule", _default_rules().rules, ids=lambda rule: rule.id)
def test_every_rule_is_fast_on_long_runs_of_its_characters(rule):
    lint = _default_rules()
    languages = heaviest_languages(rule, lint)
    spent, character = slowest(
        rule,
        lambda text: replace(_context(text, "en-US", "US", lint, text), languages=languages),
    )
    assert spent < LIMIT_SECONDS, f"{rule.id}: {spent * 1000:.0f} ms on {LENGTH} x {character!r}"


def test_lint_reads_at_most_ten_thousand_units_of_a_message():
    # What bounds the time on a 64 KB body: rules read only its first 10,000 UTF-16 units (a
    # link past them goes unread) while too-long still blocks the whole message.
    findings = lint_message("1" * 65_000 + " www.example.com", locale="ja-JP")
    rules = {finding["rule"] for finding in findings}
    assert "too-long" in rules and "no-links" not in rules
    assert "no-links" in {f["rule"] for f in lint_message("1" * 9_000 + " www.example.com")}
