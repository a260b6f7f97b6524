"""The packed scripts without comments and indentation, read by a JavaScript parser.

The repository keeps the scripts as written; the package needs only their code, and comments
and indentation were a third of its JavaScript. Every line keeps its code, in its order and
with its line breaks (so automatic semicolon insertion reads it as before, and a store
reviewer reads the same names and lines); only the space between tokens changes. Strings,
template literals and regular expressions are copied as they are, whatever they hold:
tree-sitter's JavaScript grammar, not a pattern, says where each one starts and ends.
"""

import tree_sitter_javascript
from tree_sitter import Language, Parser

_PARSER = Parser(Language(tree_sitter_javascript.language()))
# Copied whole: what looks like a comment or indentation inside them is their content.
_VERBATIM = {"string", "template_string", "regex"}
# `//#` comments are read by the engine: V8's compile hints, source map links.
_ENGINE_COMMENT = b"//#"
_LINE_BREAKS = (b"\n", b"\r", "\u2028".encode(), "\u2029".encode())


class ScriptSyntaxError(ValueError):
    """A script the parser cannot read, so its comments cannot be told from its code."""


def _tokens(source):
    """[(type, start, end)] of the script's tokens in order, comments included."""
    tree = _PARSER.parse(source)
    if tree.root_node.has_error:
        line = _first_error(tree.root_node).start_point[0] + 1
        raise ScriptSyntaxError(f"line {line}: not JavaScript the build can read")
    found, waiting = [], [tree.root_node]
    while waiting:
        node = waiting.pop()
        if node.type in _VERBATIM or node.child_count == 0:
            if node.end_byte > node.start_byte:
                found.append((node.type, node.start_byte, node.end_byte))
        else:
            waiting.extend(reversed(node.children))
    return found


def _first_error(node):
    for child in node.children:
        if child.has_error:
            return _first_error(child)
    return node


def _is_dropped(source, token):
    kind, start, _ = token
    return kind == "comment" and not source.startswith(_ENGINE_COMMENT, start)


def _code(source, tokens):
    return [(kind, source[start:end]) for kind, start, end in tokens]


def compact_script(text):
    """`text` without its comments (other than `//#` ones), indentation and blank lines.

    Between two tokens there is then a line break where the source had one (in a dropped
    comment too, as the language reads it), else one space where the source had any. The
    result is parsed again and must hold the same tokens; raises ScriptSyntaxError for a
    script that does not parse.
    """
    source = text.encode()
    tokens = _tokens(source)
    kept = [token for token in tokens if not _is_dropped(source, token)]
    pieces, previous_end = [], 0
    for _, start, end in kept:
        gap = source[previous_end:start]
        if pieces and any(mark in gap for mark in _LINE_BREAKS):
            pieces.append(b"\n")
        elif pieces and gap:
            pieces.append(b" ")
        pieces.append(source[start:end])
        previous_end = end
    compacted = b"".join(pieces) + (b"\n" if source.endswith(b"\n") else b"")
    if _code(compacted, _tokens(compacted)) != _code(source, kept):
        # Not expected: the guard that only the space between tokens changed.
        raise ScriptSyntaxError("compacting would change its code")
    return compacted.decode()
