"""A request body parsed as JSON, refusing bodies nested deeper than any request needs."""

import json

from flask import request
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

# The deepest request is {"fields": {"name": "value"}}; room to spare, far from the
# recursion limit a parser or a schema would hit on a 64 KiB body of brackets.
MAX_JSON_DEPTH = 8


def json_body():
    """The body parsed as JSON: 415 if not declared JSON, 400 if not JSON or nested too deep."""
    if not request.is_json:
        raise UnsupportedMediaType(
            "The request body must be JSON (Content-Type: application/json)."
        )
    body = request.get_data(cache=False)
    # Byte by byte: brackets, quotes and backslashes are ASCII, never part of a UTF-8 sequence.
    if nesting_depth(body.decode("latin-1")) > MAX_JSON_DEPTH:
        raise BadRequest(
            f"The request body nests objects or arrays deeper than {MAX_JSON_DEPTH} levels."
        )
    try:
        return json.loads(body)
    except ValueError as error:
        raise BadRequest(f"The request body is not valid JSON: {error}.") from None


def nesting_depth(text):
    """How deep brackets nest in JSON text, strings skipped; counted before parsing, in one pass."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest
