"""Buyer message lint: the Python twin of extension/core/lint.js, rules from data/lint.json.

Findings are {rule, severity, message, start, end}; start and end are UTF-16 offsets (the
unit JavaScript counts in), so both twins report the same spans, emoji included.
"""

import json
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property

from shipguard import config
from shipguard.buyer_messages.lint_kinds import CHECKS, in_scope
from shipguard.buyer_messages.lint_literals import FoldedMessage, needs, needs_from_data
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


class PatternGroup:
    """One language's patterns of a rule key, each compiled when a message first holds what
    it needs (lint_literals.py).

    Python's `re` tries every alternative of a case-insensitive pattern at every position
    of a text, and compiles slowly: a message lacking a pattern's words skips it for a few
    substring tests, and a run of `shipguard lint` compiles only the patterns its messages
    may match.
    """

    def __init__(self, sources, known_needs):
        self.sources = tuple(sources)
        self.needs = tuple(
            needs_from_data(known_needs[source]) if source in known_needs else needs(source)
            for source in self.sources
        )
        self._compiled = [None] * len(self.sources)

    def candidates(self, message):
        """The compiled patterns that may match a message (a FoldedMessage); the others cannot."""
        for index, pattern_needs in enumerate(self.needs):
            if message.may_match(pattern_needs):
                compiled = self._compiled[index]
                if compiled is None:
                    # Threads may both compile a pattern: the same pattern, either one kept.
                    compiled = self._compiled[index] = compile_pattern(self.sources[index])
                yield compiled


class PatternsByLanguage(dict):
    """A rule's patterns by language, each language read when a message first needs it.

    Most runs lint messages in one or two of the ten languages: reading the others'
    hundreds of patterns would be wasted.
    """

    def __init__(self, sources, known_needs):
        super().__init__()
        self._sources = sources
        self._known_needs = known_needs

    def get(self, language, default=None):
        group = super().get(language)
        if group is None:
            sources = self._sources.get(language)
            if sources is None:
                return default
            # Threads may both read a language: the same group, either one kept.
            group = self[language] = PatternGroup(sources, self._known_needs)
        return group


PATTERN_KEYS = (
    "patterns",
    "when_asked",
    "core",
    "when",
    "unless",
    "require",
    "sentence_unless",
    "asks",
)


def compile_lint(data, known_needs=None):
    """Compile lint data (the content of lint.json, or the bundle's `lint`) into LintRules.

    `known_needs` maps pattern sources to their needs as lint_literals.needs_as_data() gave
    them (kept by validated_lint.py), so a run need not read each pattern again.
    """
    known_needs = known_needs or {}
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
            {
                key: PatternsByLanguage(spec[key], known_needs)
                for key in PATTERN_KEYS
                if key in spec
            },
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
    folded: FoldedMessage  # `text` as lint_literals tells which patterns may match it

    def patterns(self, rule, key):
        """The rule's compiled patterns of `key` for the message's languages and "*", less
        those that cannot match the text (they would find nothing)."""
        by_language = rule.patterns.get(key, {})
        for language in (*self.languages, ANY_LANGUAGE):
            group = by_language.get(language)
            if group is not None:
                yield from group.candidates(self.folded)

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
    languages = (*declared, *detected)
    return Context(
        text, locale, marketplace, declared, languages, scores, lint, whole, FoldedMessage(text)
    )


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
