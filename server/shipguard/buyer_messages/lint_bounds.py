"""Which lint patterns run in bounded time: the dialect's refusals of catastrophic backtracking.

Python's and JavaScript's regex engines backtrack, so a pattern such as `(?:a+)+b` takes
exponential time on "aaaa…" and `\\w+\\w+x` cubic time. Both twins (JavaScript:
extension/core/lint-bounds.js) refuse, when data loads:

- backreferences;
- a repeated group (`*`, `+`, `{m,n}`) holding a quantifier or an alternation: only `?` may
  follow a group that has either;
- two unbounded repeats (`*`, `+`, `{m,}`) with nothing but optional items between them;
- an unbounded repeat where a match can start, unless `\\b`, `^` or a lookbehind comes first:
  otherwise every start inside a long run rescans the run.

What is left matches each start position in bounded steps; lint input is capped, so every
rule runs in bounded time.
"""

from dataclasses import dataclass

QUANTIFIER_START = "*+?{"


class UnboundedPattern(ValueError):
    """A pattern that could backtrack without bound."""


@dataclass
class _Alternative:
    at_start: bool  # no anchor and no required character yet
    pending_unbounded: bool = False  # an unbounded repeat with only optional items since


@dataclass
class _Group:
    at_start: bool
    lookbehind: bool
    zero_width: bool
    alternative: _Alternative = None
    quantified: bool = False
    alternation: bool = False
    starts_open: bool = False  # an alternative ended with no anchor or required character

    def __post_init__(self):
        self.alternative = _Alternative(self.at_start)


def _quantifier(source, index):
    """(kind, minimum, end) of the quantifier at source[index], or None: kind is
    "optional" (? or {0,1}), "bounded" ({m} or {m,n}) or "unbounded" (*, + or {m,})."""
    if index >= len(source) or source[index] not in QUANTIFIER_START:
        return None
    char = source[index]
    if char == "{":
        end = source.find("}", index)
        low, comma, high = source[index + 1 : end].partition(",")
        minimum = int(low or 0)
        if comma and not high:
            kind = "unbounded"
        else:
            kind = "optional" if minimum == 0 and int(high or low) <= 1 else "bounded"
    else:
        end, minimum = index, 1 if char == "+" else 0
        kind = "optional" if char == "?" else "unbounded"
    end += 1
    if end < len(source) and source[end] == "?":
        end += 1  # lazy: the same steps in another order
    return kind, minimum, end


def _atom_end(source, index):
    """The index past the atom (escape, class, character) starting at `index`."""
    if source[index] == "\\":
        if source.startswith("u{", index + 1):
            return source.index("}", index) + 1
        return index + {"u": 6, "x": 4}.get(source[index + 1], 2)
    if source[index] == "[":
        position = index + 1
        while source[position] != "]":
            position += 2 if source[position] == "\\" else 1
        return position + 1
    return index + 1


def _place(group, kind, minimum, anchor=False, zero_width=False, where=""):
    """Record one item of the current alternative; raises UnboundedPattern."""
    alternative = group.alternative
    if zero_width:
        if anchor:
            alternative.at_start = False
        return
    if kind == "unbounded":
        if alternative.pending_unbounded:
            raise UnboundedPattern(
                f"Two unbounded repeats in a row{where} can backtrack without bound; "
                "bound one, such as {0,40}."
            )
        if alternative.at_start:
            raise UnboundedPattern(
                f"An unbounded repeat where a match starts{where} rescans long runs; "
                "put \\b or a lookbehind before it."
            )
        alternative.pending_unbounded = True
    elif minimum > 0:
        alternative.pending_unbounded = False
    if minimum > 0:
        alternative.at_start = False


def check_bounded(source):
    """Raise UnboundedPattern when a dialect pattern could backtrack without bound."""
    stack = [_Group(at_start=True, lookbehind=False, zero_width=False)]
    index = 0
    while index < len(source):
        char, group = source[index], stack[-1]
        if char == "\\" and source[index + 1 : index + 2] in tuple("123456789"):
            raise UnboundedPattern("Backreferences are refused: they can backtrack without bound.")
        if char == "(":
            lookaround = source.startswith(("(?=", "(?!", "(?<=", "(?<!"), index)
            lookbehind = source.startswith(("(?<=", "(?<!"), index)
            stack.append(_Group(group.alternative.at_start, lookbehind, lookaround))
            index += 3 if source.startswith("(?", index) else 1
            index += 1 if lookbehind else 0
            continue
        if char == "|":
            group.alternation = True
            group.starts_open |= group.alternative.at_start
            group.alternative = _Alternative(group.at_start)
            index += 1
            continue
        if char == ")":
            inner = stack.pop()
            inner.starts_open |= inner.alternative.at_start
            outer = stack[-1]
            quantifier = _quantifier(source, index + 1)
            kind, minimum, index = quantifier or ("one", 1, index + 1)
            if kind in ("bounded", "unbounded") and (inner.quantified or inner.alternation):
                raise UnboundedPattern(
                    "A repeated group holding a quantifier or | can backtrack without bound; "
                    "only ? may follow such a group."
                )
            outer.quantified |= inner.quantified or quantifier is not None
            if inner.zero_width:
                _place(outer, kind, 0, anchor=inner.lookbehind, zero_width=True)
            else:
                # The group's own content already moved past the start, when it had to.
                _place(outer, kind, 0 if inner.starts_open else minimum)
            continue
        if char in "^$" or source.startswith(("\\b", "\\B"), index):
            anchor = char == "^" or source.startswith("\\b", index)
            _place(group, "one", 0, anchor=anchor, zero_width=True)
            index += 1 if char in "^$" else 2
            continue
        end = _atom_end(source, index)
        quantifier = _quantifier(source, end)
        kind, minimum, index = quantifier or ("one", 1, end)
        group.quantified |= quantifier is not None
        _place(group, kind, minimum, where=f" (ending at character {index})")
    return source
