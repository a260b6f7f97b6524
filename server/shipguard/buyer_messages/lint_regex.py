"""Lint patterns: one small regex dialect that Python and JavaScript compile to the same matches.

The data's patterns are translated, never used raw, because the two engines disagree on
`\\b`, `\\w`, `\\d`, `\\s`, `.` and `$`. The dialect (twin: extension/core/lint-regex.js):

- always case-insensitive and Unicode; no inline flags, named groups or \\p{...};
- `\\b \\B \\w \\W`: word characters are Unicode letters, digits and "_";
- `\\d` is [0-9]; `\\s` is JavaScript's whitespace set; `.` is any character but a line break;
- `$` is the end of the text; `\\u{1F600}` is one character (any code point);
- escape `[ ] { }` and `-` where they are meant literally; lookbehinds are fixed-width;
- nothing that can backtrack without bound (see lint_bounds.py).
"""

import re

from shipguard.buyer_messages.lint_bounds import UnboundedPattern, check_bounded

WHITESPACE = r"\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# Python's own \b \B \w \W are Unicode-aware; JavaScript's twin spells them out with \p{L}\p{N}_.
EXPANSIONS = {
    "s": (f"[{WHITESPACE}]", WHITESPACE),
    "S": (f"[^{WHITESPACE}]", None),
    "d": ("[0-9]", "0-9"),
    "D": ("[^0-9]", None),
    "w": (r"\w", r"\w"),
    "W": (r"\W", None),
    "b": (r"\b", None),
    "B": (r"\B", None),
}
ANY_BUT_LINE_BREAK = r"[^\n\r\u2028\u2029]"
END_OF_TEXT = r"(?![\s\S])"
SYNTAX = set("^$\\.*+?()[]{}|/")
GROUPS = ("(?:", "(?=", "(?!", "(?<=", "(?<!")


class PatternError(ValueError):
    """A pattern outside the portable dialect."""


def literal(code_point):
    """A character as pattern text; ASCII escaped so it is never syntax."""
    if 0xD800 <= code_point <= 0xDFFF or code_point > 0x10FFFF:
        raise PatternError(f"U+{code_point:04X} is not a character.")
    return f"\\x{code_point:02x}" if code_point < 0x80 else chr(code_point)


def _escape(source, index, in_class):
    """(translation, next index) of the escape starting at source[index] == "\\"."""
    if index + 1 >= len(source):
        raise PatternError("The pattern ends with a backslash.")
    char = source[index + 1]
    if char in EXPANSIONS:
        outside, inside = EXPANSIONS[char]
        if in_class and inside is None:
            raise PatternError(f"\\{char} cannot be used inside [...].")
        return (inside if in_class else outside), index + 2
    if char == "u" and source.startswith("{", index + 2):
        end = source.find("}", index + 3)
        digits = source[index + 3 : end]
        if end < 0 or not re.fullmatch(r"[0-9a-fA-F]{1,6}", digits):
            raise PatternError("\\u{...} needs 1 to 6 hex digits.")
        return literal(int(digits, 16)), end + 1
    if char == "u":
        digits = source[index + 2 : index + 6]
        if not re.fullmatch(r"[0-9a-fA-F]{4}", digits):
            raise PatternError("\\u needs 4 hex digits.")
        return literal(int(digits, 16)), index + 6
    if char == "x":
        if not re.fullmatch(r"[0-9a-fA-F]{2}", source[index + 2 : index + 4]):
            raise PatternError("\\x needs 2 hex digits.")
        return source[index : index + 4], index + 4
    if char in "123456789":
        raise PatternError("Backreferences are refused: they can backtrack without bound.")
    if char in SYNTAX or char in "nrtf" or (char == "-" and in_class):
        return source[index : index + 2], index + 2
    raise PatternError(f"\\{char} is not in the portable dialect.")


def translate(source):
    """The Python `re` source of a dialect pattern; raises PatternError."""
    out, index, in_class = [], 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            text, index = _escape(source, index, in_class)
            out.append(text)
            continue
        index += 1
        if in_class:
            if char == "[":
                raise PatternError("Escape [ inside [...] as \\[.")
            in_class = char != "]"
            out.append(char)
        elif char == "[":
            in_class = True
            out.append("[^" if source.startswith("^", index) else "[")
            index += source.startswith("^", index)
            if source.startswith("]", index):
                raise PatternError("Escape ] as \\] at the start of [...].")
        elif char == "(" and source.startswith("(?", index - 1):
            if not source.startswith(GROUPS, index - 1):
                raise PatternError("Only (?:, (?=, (?!, (?<= and (?<! groups are portable.")
            out.append(char)
        else:
            out.append({".": ANY_BUT_LINE_BREAK, "$": END_OF_TEXT}.get(char, char))
    if in_class:
        raise PatternError("A [ is never closed.")
    return "".join(out)


LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


def _tokens(source, position):
    """(index, char, index past it) from source[position] on, an escape or a whole class
    taken as one token: what is left are the characters that open, close or split groups."""
    while position < len(source):
        char = source[position]
        if char == "\\":
            following = position + 2
        elif char == "[":
            following = position + 1
            while source[following] != "]":
                following += 2 if source[following] == "\\" else 1
            following += 1
        else:
            following = position + 1
        yield position, char, following
        position = following


def _closing(source, index):
    """The index past the class or group opened at source[index]."""
    depth = 0
    for _, char, following in _tokens(source, index):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return following


def _alternatives(source, start, end):
    """(from, to) of each top-level alternative of source[start:end]."""
    found, depth = [], 0
    for position, char, _ in _tokens(source, start):
        if position >= end:
            break
        if char == "|" and depth == 0:
            found.append((start, position))
            start = position + 1
        depth += {"(": 1, ")": -1}.get(char, 0)
    return [*found, (start, end)]


def _after_quantifier(source, index):
    """(index past the quantifier at source[index], whether it allows no repeat)."""
    char = source[index : index + 1]
    if not char or char not in "?*+{":
        return index, False
    end = source.index("}", index) + 1 if char == "{" else index + 1
    optional = char in "?*" or source.startswith("{0", index)
    return end + (source[end : end + 1] == "?"), optional


def _first_characters(source, start, end):
    """(class items, may match empty) of the characters a match of source[start:end], one
    alternative, can start with; None when any character can, or only \\w says which."""
    items, index = [], start
    while index < end:
        char = source[index]
        if source.startswith(("\\b", "\\B"), index) or char in "^$":
            index += 1 if char in "^$" else 2
            continue
        if source.startswith(LOOKAROUNDS, index):
            index = _after_quantifier(source, _closing(source, index))[0]
            continue
        if char == "." or source.startswith(("\\w", "\\W", "\\S", "\\D", "[^"), index):
            return None
        empty = False
        if char == "\\":
            text, following = _escape(source, index, True)
            items.append(text)
        elif char == "[":
            following = _closing(source, index)
            body = translate(source[index:following])[1:-1]
            if "\\w" in body or _bare_dash_at_end(body):
                return None
            items.append(body)
        elif char == "(":
            following = _closing(source, index)
            for alternative in _alternatives(source, index + 3, following - 1):
                first = _first_characters(source, *alternative)
                if first is None:
                    return None
                items.extend(first[0])
                empty |= first[1]
        else:
            items.append(literal(ord(char)))
            following = index + 1
        index, optional = _after_quantifier(source, following)
        if not optional and not empty:
            return items, False
    return items, True


def _bare_dash_at_end(body):
    """Whether a class body starts or ends with an unescaped "-", which would make a range
    with its neighbour once several bodies are joined into one class."""
    escapes = len(body[:-1]) - len(body[:-1].rstrip("\\"))
    return body.startswith("-") or (body.endswith("-") and escapes % 2 == 0)


def first_character_filter(source):
    """A lookahead of the characters a match can start with, or "" when any can.

    `re` tries a pattern at every position, a leading \\b and each alternative's first letter
    included; one class rejects most positions first (twin: lint-regex.js, where V8's own
    first-character check often cannot tell)."""
    first = _first_characters(f"(?:{source})", 0, len(source) + 4)
    return f"(?=[{''.join(first[0])}])" if first and not first[1] and first[0] else ""


def compile_pattern(source):
    """The compiled pattern (case-insensitive), behind its first-character filter; raises
    PatternError with the reason."""
    try:
        filter_ = first_character_filter(source)
        translated = translate(source)
        compiled = re.compile(
            f"{filter_}(?:{translated})" if filter_ else translated, re.IGNORECASE
        )
        check_bounded(source)
    except UnboundedPattern as error:
        raise PatternError(str(error)) from None
    except re.error as error:
        raise PatternError(f"Not a valid regular expression: {error}.") from None
    if compiled.search("") is not None:
        raise PatternError("The pattern matches empty text, so it would flag every message.")
    return compiled
