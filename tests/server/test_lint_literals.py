"""What a lint pattern needs (lint_literals.py): a message it skips is one it cannot match.

A need that is wrong would hide a finding, so the shipped patterns are checked against every
rule example and every corpus message of their language: no text a pattern matches lacks
what the pattern is said to need.
"""

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from shipguard import config
from shipguard.bundle.schemas.lint import example_text
from shipguard.buyer_messages.evaluation import read_corpus
from shipguard.buyer_messages.lint import ANY_LANGUAGE, PATTERN_KEYS, language_of, unfolded
from shipguard.buyer_messages.lint_literals import (
    FoldedMessage,
    folded,
    needs,
    needs_as_data,
    needs_from_data,
)
from shipguard.buyer_messages.lint_regex import compile_pattern

LINT = json.loads((config.default_data_dir() / "lint.json").read_text(encoding="utf-8"))
CORPUS = Path(__file__).resolve().parents[2] / "tests" / "lint-corpus"


def texts_of(source):
    """The needs' texts, one set per need, sorted, for readable assertions."""
    return [
        sorted({*need.short, *(text for texts in need.by_start.values() for text in texts)})
        for need in needs(source)
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("colou?r", [["color", "colour"]]),
        (r"\bfree\b[^.!?\n]{0,30}\bshipping\b", [["shipping"], ["free"]]),
        (r"\b(?:review|rating)s?\b", [["rating", "ratings", "review", "reviews"]]),
        (r"(?<![0-9])(?!amazon\.)Shop\.com", [["shop.com"]]),
        (r"we['’]d love", [["we'd love", "we’d love"]]),
        (r"\u00dcber|\u{1F600}", [["über", "\U0001f600"]]),
        (r"Straße", [["strasse"]]),
    ],
)
def test_needs_are_the_literal_text_every_match_holds(source, expected):
    assert texts_of(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        r"[a-z]{3,}",  # a class of more than a few characters
        r"(?:foo|[^x]+)",  # an alternative that needs nothing
        r"(?:shop)?\s",  # an optional group
        r"\w+\s\w+",
    ],
)
def test_a_pattern_without_sure_text_needs_nothing_and_is_always_run(source):
    assert needs(source) == ()
    assert FoldedMessage("x").may_match(needs(source))


def test_folding_keeps_together_every_pair_re_ignorecase_matches():
    """Every character of the shipped patterns, and every cased letter up to U+052F (Latin,
    Greek, Cyrillic), folds like each character re.IGNORECASE matches it with."""
    sources = [
        pattern
        for rule in LINT["rules"]
        for key in PATTERN_KEYS
        for patterns in rule.get(key, {}).values()
        for pattern in patterns
    ]
    used = {char for source in sources for char in source if not char.isspace()}
    alphabet = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF)
    for char in sorted(used | {chr(code) for code in range(0x41, 0x530)}):
        for match in re.finditer(re.escape(char), alphabet, re.IGNORECASE):
            assert folded(match.group()) == folded(char), (char, match.group())


def test_dotted_and_dotless_i_long_s_and_kelvin_sign_are_not_skipped():
    for source, text in [
        (r"\bgift\b", "GİFT"),
        (r"\bgift\b", "gıft"),
        (r"\bstars\b", "ſtars"),
        (r"\bkind\b", "\u212aind"),
        (r"stra\u00dfe", "STRAẞE"),
    ]:
        assert compile_pattern(source).search(text)
        assert FoldedMessage(text).may_match(needs(source)), (source, text)


def _texts_by_language():
    texts = defaultdict(list)
    for rule in LINT["rules"]:
        for verdict in ("flag", "ok"):
            for locale, examples in rule["examples"][verdict].items():
                texts[language_of(locale)] += [example_text(example) for example in examples]
    for sample in read_corpus(CORPUS):
        texts[language_of(sample.locale)].append(sample.text)
    return {language: [unfolded(text) for text in found] for language, found in texts.items()}


def test_no_shipped_pattern_matches_a_text_it_is_said_to_need_more_of():
    texts = _texts_by_language()
    messages = {language: [FoldedMessage(t) for t in found] for language, found in texts.items()}
    checked = 0
    for rule in LINT["rules"]:
        for key in PATTERN_KEYS:
            for language, sources in rule.get(key, {}).items():
                languages = list(texts) if language == ANY_LANGUAGE else [language]
                for source in sources:
                    pattern, pattern_needs = compile_pattern(source), needs(source)
                    for code in languages:
                        for text, message in zip(texts[code], messages[code], strict=True):
                            if not message.may_match(pattern_needs):
                                checked += 1
                                assert not pattern.search(text), (rule["id"], source, text)
    assert checked > 100_000  # most texts lack most patterns' words: that is the point


def test_needs_kept_as_data_come_back_the_same():
    for rule in LINT["rules"]:
        for key in PATTERN_KEYS:
            for sources in rule.get(key, {}).values():
                for source in sources:
                    kept = json.loads(json.dumps(needs_as_data(needs(source))))
                    assert needs_from_data(kept) == needs(source)
