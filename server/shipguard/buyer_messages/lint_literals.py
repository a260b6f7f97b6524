"""Text every match of a lint pattern must contain, so a message without it skips the pattern.

Python's `re` has no literal prefilter for case-insensitive patterns: it tries every
alternative at every position of a message, and compiling the rules' patterns takes longer
than linting a hundred messages. A message that lacks what a pattern cannot match without
("review" or "rating" or ...) skips it, uncompiled. Each pattern's needs are read from its
dialect source (lint_regex.py) once:

- `needs(source)`: a tuple of Needs, sets of alternative texts; every match of the pattern
  holds, for each Need, at least one of its texts, compared as `folded()` text. An empty
  tuple: no filter.
- Only what is certain is kept: a character class of more than a few characters, a repeat
  that may be absent or anything else open-ended ends a literal run; lookarounds and `\\b`
  match no text.
"""

import re
from functools import cache

# Sets of exact texts grow by product (colou?r is {colour, color}); past this size a run
# is cut and its text so far kept as a need.
MAX_TEXTS = 64
# A character class of at most this many characters is read as its characters.
MAX_CLASS = 10
NO_TEXT = frozenset({""})
# Characters that are themselves, none followed by a quantifier (which takes the last one).
LITERAL_RUN = re.compile(r"(?:[^\\\[\](){}|.^$?*+](?![?*+{]))+")
# Escapes for a character the dialect spells with a backslash (lint_regex.py).
CONTROL = {"n": "\n", "r": "\r", "t": "\t", "f": "\f"}
# Classes and anchors that stand for many characters, or none.
OPEN_ESCAPES = set("sSdDwW")
ZERO_WIDTH_ESCAPES = set("bB")
LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
# re.IGNORECASE matches i and I with the Turkish dotted and dotless i, which casefold()
# leaves apart; every other case pair re matches, casefold() folds to one text.
DOTTED_AND_DOTLESS_I = str.maketrans({"\u0130": "i", "\u0131": "i"})


def folded(text):
    """The text as needs are compared: characters that re.IGNORECASE matches alike, alike."""
    return text.translate(DOTTED_AND_DOTLESS_I).casefold()


class _Piece:
    """What a part of a pattern matches: `exact`, the set of texts it matches (None: too many
    to list), and `needs`, alternatives sets each of which a match holds one text of."""

    __slots__ = ("exact", "needs")

    def __init__(self, exact, needs=()):
        self.exact = exact
        self.needs = needs

    def best_need(self):
        """The one alternatives set that best tells a match apart (None: none at all)."""
        if self.exact is not None:
            return None if "" in self.exact else self.exact
        return max(self.needs, key=_selectivity, default=None)

    def all_needs(self):
        """Every alternatives set a match holds one text of."""
        if self.exact is not None:
            return () if "" in self.exact else (self.exact,)
        return self.needs


OPEN = _Piece(None)
ZERO_WIDTH = _Piece(NO_TEXT)


def _selectivity(texts):
    """Longer shortest text first, then fewer alternatives."""
    return min(len(text) for text in texts), -len(texts)


class _Reader:
    """A recursive reading of one dialect pattern (already checked by lint_regex)."""

    def __init__(self, source):
        self.source = source
        self.index = 0

    def alternation(self):
        branches = [self.sequence()]
        while self.index < len(self.source) and self.source[self.index] == "|":
            self.index += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        if all(branch.exact is not None for branch in branches):
            union = frozenset().union(*(branch.exact for branch in branches))
            if len(union) <= MAX_TEXTS:
                return _Piece(union)
        bests = [branch.best_need() for branch in branches]
        if any(best is None for best in bests):
            return OPEN
        return _Piece(None, (frozenset().union(*bests),))

    def sequence(self):
        run, needs, exact = NO_TEXT, [], True
        while self.index < len(self.source) and self.source[self.index] not in "|)":
            piece = self.literal_run() or self.item()
            if piece.exact is not None:
                product = frozenset(a + b for a in run for b in piece.exact)
                if len(product) <= MAX_TEXTS:
                    run = product
                    continue
                exact = False
                needs.append(run)
                run = piece.exact
                continue
            exact = False
            needs += [run, *piece.needs]
            run = NO_TEXT
        if exact:
            return _Piece(run)
        needs.append(run)
        return _Piece(None, tuple(need for need in needs if "" not in need))

    def literal_run(self):
        """Plain characters up to the next syntax or the one a quantifier applies to, as
        one text (most of a pattern is words), or None."""
        match = LITERAL_RUN.match(self.source, self.index)
        if not match:
            return None
        self.index = match.end()
        return _Piece(frozenset({folded(match.group())}))

    def item(self):
        piece = self.atom()
        low, high = self.quantifier()
        if (low, high) == (1, 1):
            return piece
        if low == 0:
            if high == 1 and piece.exact is not None:
                return _Piece(piece.exact | NO_TEXT)
            return OPEN
        return _Piece(None, piece.all_needs())

    def quantifier(self):
        """(minimum, maximum or None) of the quantifier here, (1, 1) if none."""
        source, start = self.source, self.index
        if start >= len(source) or source[start] not in "?*+{":
            return 1, 1
        char = source[start]
        if char == "{":
            end = source.index("}", start)
            low, comma, high = source[start + 1 : end].partition(",")
            bounds = (int(low or 0), int(high) if high else (None if comma else int(low)))
            self.index = end + 1
        else:
            bounds = {"?": (0, 1), "*": (0, None), "+": (1, None)}[char]
            self.index = start + 1
        if self.index < len(source) and source[self.index] == "?":
            self.index += 1  # lazy: the same matches
        return bounds

    def atom(self):
        source, start = self.source, self.index
        char = source[start]
        if char == "(":
            lookaround = source.startswith(LOOKAROUNDS, start)
            self.index = start + (1 if not source.startswith("(?", start) else 3)
            self.index += source.startswith(("(?<=", "(?<!"), start)
            inner = self.alternation()
            self.index += 1  # the closing parenthesis
            return ZERO_WIDTH if lookaround else inner
        if char == "[":
            return self.character_class()
        if char == "\\":
            return self.escape()
        self.index = start + 1
        if char in "^$":
            return ZERO_WIDTH
        if char == ".":
            return OPEN
        return _Piece(frozenset({folded(char)}))

    def escape(self):
        char = self.source[self.index + 1]
        if char in OPEN_ESCAPES:
            self.index += 2
            return OPEN
        if char in ZERO_WIDTH_ESCAPES:
            self.index += 2
            return ZERO_WIDTH
        return _Piece(frozenset({folded(self.escaped_char())}))

    def escaped_char(self):
        """The character of the escape at the index (not a class escape), moving past it."""
        source, start = self.source, self.index
        char = source[start + 1]
        if char == "u" and source.startswith("{", start + 2):
            end = source.index("}", start)
            self.index = end + 1
            return chr(int(source[start + 3 : end], 16))
        if char in "ux":
            digits = 4 if char == "u" else 2
            self.index = start + 2 + digits
            return chr(int(source[start + 2 : self.index], 16))
        self.index = start + 2
        return CONTROL.get(char, char)

    def character_class(self):
        source = self.source
        self.index += 1
        negated = source.startswith("^", self.index)
        self.index += negated
        chars, is_open = set(), negated
        while source[self.index] != "]":
            if source[self.index] == "\\" and source[self.index + 1] in OPEN_ESCAPES:
                is_open = True
                self.index += 2
                continue
            first = self._class_char()
            if source[self.index] == "-" and source[self.index + 1] != "]":
                self.index += 1
                last = self._class_char()
                if ord(last) - ord(first) >= MAX_CLASS:
                    is_open = True
                    continue
                chars.update(chr(code) for code in range(ord(first), ord(last) + 1))
            else:
                chars.add(first)
        self.index += 1
        if is_open or len(chars) > MAX_CLASS:
            return OPEN
        return _Piece(frozenset(folded(char) for char in chars))

    def _class_char(self):
        if self.source[self.index] == "\\":
            return self.escaped_char()
        self.index += 1
        return self.source[self.index - 1]


def needs(source):
    """For each Need, one of its texts (folded) is in every match of the pattern."""
    piece = _Reader(source).alternation()
    return tuple(
        _need(texts) for texts in sorted(piece.all_needs(), key=_selectivity, reverse=True)
    )


def needs_as_data(pattern_needs):
    """needs() as JSON data, to be kept (each Need its sorted texts)."""
    return [sorted(need.texts) for need in pattern_needs]


def needs_from_data(data):
    """needs() again from needs_as_data()."""
    return tuple(_need(frozenset(texts)) for texts in data)


# Texts are found by their first characters in a set of the message's, in one C-level
# intersection, instead of one substring search per text.
START = 3


class Need:
    """Texts one of which every match of a pattern holds (folded)."""

    __slots__ = ("texts", "short", "by_start")

    def __init__(self, texts):
        self.texts = texts
        self.short = tuple(text for text in texts if len(text) < START)
        self.by_start = {}
        for text in sorted(texts):
            if len(text) >= START:
                self.by_start.setdefault(text[:START], []).append(text)

    def found_in(self, message):
        """Whether a FoldedMessage holds one of the texts."""
        text = message.text
        if any(short in text for short in self.short):
            return True
        starts = message.starts.intersection(self.by_start)
        return any(long in text for start in starts for long in self.by_start[start])


@cache
def _need(texts):
    # One Need per set of texts, so rules sharing a set share its answer for a message.
    return Need(texts)


class FoldedMessage:
    """A message folded once for every pattern's needs, with each Need's answer remembered."""

    __slots__ = ("text", "starts", "_answers")

    def __init__(self, text):
        self.text = folded(text)
        self.starts = {self.text[i : i + START] for i in range(len(self.text) - START + 1)}
        self._answers = {}

    def may_match(self, pattern_needs):
        """Whether the message holds what a pattern needs (needs() of its source)."""
        for need in pattern_needs:
            found = self._answers.get(need)
            if found is None:
                found = self._answers[need] = need.found_in(self)
            if not found:
                return False
        return True
