"""Lint rules on adversarial input: each rule's slowest run on 10,000 characters of each
character its patterns use, read in the heaviest set of languages one message can be read in
(its marketplace's languages plus the one detected), in both twins, beside the 50 ms target.
The tests check what makes this bounded (the pattern dialect, tests/vectors/lint-bounds.json);
the time itself is measured here, where a loaded machine cannot fail a build."""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import replace
from pathlib import Path

from .report import Figure

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 50.0
LENGTH = 10_000
S10 = "10. Lint rules on adversarial input (CPU, 10,000 characters)"
# What each escape and `.` stands for in an adversarial run.
ESCAPES = {"d": "0", "s": " ", "w": "a", "n": "\n", "b": "a", "S": "a", "W": " ", "D": "a"}


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


def heaviest_languages(rule, lint):
    """The languages, as many as one message can be read in, with the most patterns of the rule."""
    from shipguard.buyer_messages.lint import declared_languages

    most = max(len(declared_languages(None, code, lint)) for code in lint.message_locales) + 1
    weight = {
        code: sum(len(rule.spec[key].get(code, ())) for key in rule.patterns)
        for code in sorted(lint.profiles)
    }
    return tuple(sorted(weight, key=weight.get, reverse=True)[:most])


class _EveryPattern:
    """A message's folded text that every pattern may match: the Python twin skips a pattern
    whose words a message lacks (lint_literals.py), which a run of one character always does,
    so the patterns are timed as for a message holding all their words beside the run."""

    def may_match(self, pattern_needs):
        return True


def python_worst():
    """{rule id: (ms, character)}: each rule's slowest adversarial run, best of three."""
    from shipguard.buyer_messages.lint import _context, _default_rules
    from shipguard.buyer_messages.lint_kinds import CHECKS

    lint, worst = _default_rules(), {}
    for rule in lint.rules:
        languages = heaviest_languages(rule, lint)
        characters = sorted(
            {
                c
                for key in rule.patterns
                for patterns in rule.spec[key].values()
                for pattern in patterns
                for c in characters_of(pattern)
            }
        ) or ["a"]
        slowest = (0.0, "")
        for character in characters:
            text = character * LENGTH
            context = replace(
                _context(text, "en-US", "US", lint, text),
                languages=languages,
                folded=_EveryPattern(),
            )
            CHECKS[rule.kind](rule, context)  # compiles what is compiled on first use
            timings = []
            for _ in range(3):
                start = time.process_time()
                CHECKS[rule.kind](rule, context)
                timings.append(time.process_time() - start)
            slowest = max(slowest, (min(timings) * 1000, character))
        worst[rule.id] = slowest
    return worst


def javascript_worst():
    """The same for the extension's twin, run under node."""
    result = subprocess.run(
        ["node", str(Path(__file__).with_name("lint_bounds.mjs"))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=True,
    )
    return {rule: tuple(value) for rule, value in json.loads(result.stdout).items()}


def lint_bounds_figures():
    python, javascript = python_worst(), javascript_worst()
    figures = []
    for twin, worst in (("Python", python), ("JavaScript", javascript)):
        rule, (ms, character) = max(worst.items(), key=lambda item: item[1][0])
        over = sorted(r for r, (spent, _) in worst.items() if spent >= TARGET_MS)
        figures.append(
            Figure(
                S10,
                f"{twin}: slowest rule of {len(worst)}",
                f"{ms:.1f} ms ({rule}, on {character!r})",
                "over the target: " + (", ".join(over) or "none"),
                f"every rule < {TARGET_MS:g} ms",
                not over,
            )
        )
    return figures
