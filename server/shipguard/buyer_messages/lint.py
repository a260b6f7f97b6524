"""Buyer message lint: the Python twin of extension/core/lint.js, rules from data/lint.json.

Findings are {rule, severity, message, start, end}; start and end are UTF-16 offsets (the
unit JavaScript counts in), so both twins report the same spans, emoji included.
"""

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property

from shipguard import config
from shipguard.buyer_messages.lint_kinds import CHECKS, in_scope
from shipguard.buyer_messages.lint_regex import SYNTAX, compile_pattern
from shipguard.buyer_messages.utf16 import char_index, utf16_offsets

ANY_LANGUAGE = "*"
# Rules read at most this many UTF-16 units of a message (the API's lint limit), so every
# rule runs in bounded time.
MAX_LINT_CHARS = 10_000


@dataclass(frozen=True)
class Profile:
    """One language's compiled profile: stop words to recognise it, phrases to read it.

    Every message is scored against every language's stop words; the phrases are
    compiled only for a language a message is in.
    """

    code: str
    stop_words: object
    courtesy_sources: tuple
    reasons_sources: tuple

    @cached_property
    def courtesy(self):
        return tuple(compile_pattern(p) for p in self.courtesy_sources)

    @cached_property
    def reasons(self):
        return tuple(compile_pattern(p) for p in self.reasons_sources)


@dataclass(frozen=True)
class Rule:
    """One compiled rule; `patterns` maps a language (or "*") to compiled patterns by key."""

    index: int
    id: str
    severity: str
    message: str
    kind: str
    spec: dict
    patterns: dict


@dataclass(frozen=True)
class LintRules:
    """A rule set compiled once: profiles by language, marketplaces' locales, rules."""

    profiles: dict
    message_locales: dict
    rules: tuple


def word_list_pattern(words, word_boundary=True):
    """A dialect pattern matching any of `words` (longest first), whole words if asked."""
    escaped = ["".join("\\" + c if c in SYNTAX else c for c in word) for word in words]
    body = "(?:" + "|".join(sorted(escaped, key=lambda w: (-len(w), w))) + ")"
    return f"\\b{body}\\b" if word_boundary else body


@dataclass(frozen=True)
class PatternGroup:
    """One language's compiled patterns of a rule key, with a cheap test of whether any of
    them matches a text.

    Python's engine pays a fixed price per pattern for each character of a text. Patterns
    that start with `\\b` joined in one alternation pay it about once, so they are tested
    together; a pattern that starts otherwise (a character class, a lookbehind) would make
    the whole alternation slow, so it is tested on its own.
    """

    patterns: tuple
    word_led: re.Pattern | None
    others: tuple

    @classmethod
    def of(cls, sources):
        patterns = tuple(compile_pattern(p) for p in sources)
        led = [p.pattern for p in patterns if p.pattern.startswith("\\b")]
        word_led = re.compile("|".join(f"(?:{p})" for p in led), re.IGNORECASE) if led else None
        others = tuple(p for p in patterns if not p.pattern.startswith("\\b"))
        return cls(patterns, word_led, others)

    def found_in(self, text):
        """Whether any of the patterns matches somewhere in `text`."""
        if self.word_led is not None and self.word_led.search(text):
            return True
        return any(pattern.search(text) for pattern in self.others)


class PatternsByLanguage(dict):
    """A rule's patterns by language, each language compiled when a message first needs it.

    Most runs lint messages in one or two of the ten languages: compiling the others'
    hundreds of patterns would be most of `shipguard lint`'s time.
    """

    def __init__(self, sources):
        super().__init__()
        self._sources = sources

    def get(self, language, default=None):
        compiled = super().get(language)
        if compiled is None:
            sources = self._sources.get(language)
            if sources is None:
                return default
            # Threads may both compile a language: the same patterns, either one kept.
            compiled = self[language] = PatternGroup.of(sources)
        return compiled


def _compile_by_language(mapping):
    return PatternsByLanguage(mapping)


PATTERN_KEYS = ("patterns", "core", "when", "unless", "require", "sentence_unless", "asks")


def compile_lint(data):
    """Compile lint data (the content of lint.json, or the bundle's `lint`) into LintRules."""
    profiles = {
        code: Profile(
            code,
            compile_pattern(word_list_pattern(spec["stop_words"], spec.get("word_boundary", True))),
            tuple(spec.get("courtesy", [])),
            tuple(spec.get("reasons", [])),
        )
        for code, spec in data["languages"].items()
    }
    rules = tuple(
        Rule(
            index,
            spec["id"],
            spec["severity"],
            spec["message"],
            spec["kind"],
            spec,
            {key: _compile_by_language(spec[key]) for key in PATTERN_KEYS if key in spec},
        )
        for index, spec in enumerate(data["rules"])
    )
    return LintRules(profiles, dict(data.get("message_locales", {})), rules)


def lint_data(lint_file, marketplaces):
    """The bundle's lint: the file's content with each marketplace's buyer locales added."""
    locales = {
        marketplace["code"]: list(marketplace["buyer_locales"]) for marketplace in marketplaces
    }
    return {**lint_file, "message_locales": locales}


@cache
def default_lint_data():
    """The shipped lint.json with the shipped marketplaces' buyer locales, as the bundle has it.

    Validated by the datastore when the server loads; read here as is, for callers without data.
    """

    def read(name):
        return json.loads((config.default_data_dir() / name).read_text(encoding="utf-8"))

    return lint_data(read("lint.json"), read("marketplaces.json")["marketplaces"])


@cache
def _default_rules():
    return compile_lint(default_lint_data())


_COMPILED = {}


def _rules_from(rules):
    """LintRules for what a caller passed: nothing (the shipped rules), data, or compiled."""
    if rules is None:
        return _default_rules()
    if isinstance(rules, LintRules):
        return rules
    # Keyed by identity, the data kept alive beside it so its id cannot be reused.
    kept = _COMPILED.get(id(rules))
    if kept is None or kept[0] is not rules:
        if len(_COMPILED) > 16:
            _COMPILED.clear()
        kept = _COMPILED[id(rules)] = (rules, compile_lint(rules))
    return kept[1]


def language_of(locale):
    """The language subtag of a BCP 47 locale: "de" for "de-DE"."""
    return locale.split("-")[0].lower()


@dataclass(frozen=True)
class Context:
    """A message and what is known about it, shared by every rule's check."""

    text: str
    locale: str
    marketplace: str
    declared: tuple
    languages: tuple
    scores: dict
    lint: LintRules
    whole: str  # the message as given; patterns read `text`, its unfolded first MAX_LINT_CHARS

    def patterns(self, rule, key):
        """The rule's compiled patterns of `key` for the message's languages and "*", less
        each language's whose patterns match nowhere in the text (they would find nothing)."""
        by_language = rule.patterns.get(key, {})
        for language in (*self.languages, ANY_LANGUAGE):
            group = by_language.get(language)
            if group is not None and group.found_in(self.text):
                yield from group.patterns

    def profiles(self):
        return [self.lint.profiles[code] for code in self.languages if code in self.lint.profiles]


def declared_languages(locale, marketplace, lint):
    """The languages the message should be in: the locale's, else the marketplace's."""
    if locale:
        return (language_of(locale),)
    locales = lint.message_locales.get(marketplace or "", [])
    return tuple(dict.fromkeys(language_of(code) for code in locales))


def _context(text, locale, marketplace, lint, whole):
    scores = {
        code: len(lint.profiles[code].stop_words.findall(text)) for code in sorted(lint.profiles)
    }
    declared = declared_languages(locale, marketplace, lint)
    best = max(scores, key=scores.get, default=None)  # a tie goes to the first code A-Z
    # The language the text is actually in joins the declared ones, so a German request
    # for a review is caught even when the message was declared English.
    detected = (best,) if best and scores[best] > 0 and best not in declared else ()
    return Context(text, locale, marketplace, declared, (*declared, *detected), scores, lint, whole)


def _unfolded(char):
    normal = unicodedata.normalize("NFKC", char)
    return normal if len(normal) == 1 and ord(normal) <= 0xFFFF and ord(char) <= 0xFFFF else char


def unfolded(text):
    """The text as rules read it: full-width and other compatibility forms NFKC-normalised
    character by character (ｅｘａｍｐｌｅ．ｃｏｍ is example.com), so spans stay where they were."""
    if text.isascii():
        return text
    return "".join(_unfolded(char) for char in text)


def lint_message(text, locale=None, marketplace=None, rules=None):
    """Lint a buyer message; returns findings sorted by span, then by rule order.

    `locale` (BCP 47, such as de-DE) or else `marketplace` (a code such as DE) says which
    language the message should be in; `rules` is lint data or compile_lint()'s result
    (default: the shipped lint.json).
    """
    lint = _rules_from(rules)
    read = text[: char_index(text, MAX_LINT_CHARS)]  # counted in UTF-16 units, as the twin does
    context = _context(unfolded(read), locale, marketplace, lint, text)
    to_units = utf16_offsets(text)
    found = []
    for rule in lint.rules:
        if not in_scope(rule, context):
            continue
        for start, end in CHECKS[rule.kind](rule, context):
            found.append((to_units(start), to_units(end), rule.index, rule))
    found.sort(key=lambda item: item[:3])
    return [
        {
            "rule": rule.id,
            "severity": rule.severity,
            "message": rule.message,
            "start": start,
            "end": end,
        }
        for start, end, _, rule in found
    ]
