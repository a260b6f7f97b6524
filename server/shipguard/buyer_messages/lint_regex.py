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


def compile_pattern(source):
    """The compiled pattern (case-insensitive); raises PatternError with the reason."""
    try:
        compiled = re.compile(translate(source), re.IGNORECASE)
        check_bounded(source)
    except UnboundedPattern as error:
        raise PatternError(str(error)) from None
    except re.error as error:
        raise PatternError(f"Not a valid regular expression: {error}.") from None
    if compiled.search("") is not None:
        raise PatternError("The pattern matches empty text, so it would flag every message.")
    return compiled
