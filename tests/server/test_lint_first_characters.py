"""Each compiled lint pattern is led by a class of the characters its matches can start with
(lint_regex.first_character_filter), so `re` rejects most positions with one class instead of
trying every alternative there. The filter must never lose a match: these hold it to that on
every shipped pattern and its rule's examples, beside the twin's tests/js/lint-regex.test.js."""

import re

import pytest
from shipguard.buyer_messages.lint import PATTERN_KEYS, default_lint_data
from shipguard.buyer_messages.lint_regex import compile_pattern, first_character_filter, translate


@pytest.mark.parametrize(
    ("source", "starts", "others"),
    [
        (r"\b(?:please|kindly)\b", "pPkK\u212a", "x★ "),
        ("(?<![0-9])[45] ?[★☆]", "45", "★3"),
        (r"\b[a-zäöüß]{0,12}bewertung", "bzÄ", "★1 "),
        (r"(?:\bfoo|[0-9]{2,4}x)y", "f9", "xy"),
        (r"\b(?:a )?b", "ab", "c"),
        (r"^\s?x", "x \u3000", "y"),
    ],
)
def test_a_pattern_is_led_by_the_class_of_its_possible_first_characters(source, starts, others):
    lookahead = first_character_filter(source)
    assert compile_pattern(source).pattern.startswith(lookahead)
    first = re.compile(f"^{lookahead[3:-1]}", re.IGNORECASE)
    assert all(first.match(char) for char in starts)
    assert not any(first.match(char) for char in others)


@pytest.mark.parametrize("source", [".x", r"\w{0,3}x", "[^ab]x", r"\b(?:x|\w{2}y)"])
def test_no_filter_where_any_character_may_start_a_match(source):
    assert first_character_filter(source) == ""
    assert compile_pattern(source).pattern == translate(source)


def test_a_class_ending_in_a_dash_stays_a_dash_in_the_joined_class():
    lookahead = first_character_filter(r"[a\-]?[\-b]?c")
    assert re.compile(f"^{lookahead[3:-1]}").match("-")


def _example_text(example):
    if isinstance(example, str):
        return example
    return example["repeat"] * min(example["times"], 50)


@pytest.mark.parametrize("rule", default_lint_data()["rules"], ids=lambda rule: rule["id"])
def test_every_shipped_pattern_finds_with_its_filter_what_it_finds_without(rule):
    def examples(language):
        return "\n".join(
            _example_text(example)
            for kind in ("flag", "ok")
            for locale, listed in rule["examples"][kind].items()
            if language == "*" or locale.startswith(f"{language}-")
            for example in listed
        )

    for key in PATTERN_KEYS:
        for language, sources in rule.get(key, {}).items():
            text = examples(language)
            for source in sources:
                plain = re.compile(translate(source), re.IGNORECASE)
                found = [match.span() for match in compile_pattern(source).finditer(text)]
                assert found == [match.span() for match in plain.finditer(text)], source
