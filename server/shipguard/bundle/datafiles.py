"""Reading one JSON data file and validating it, noting every problem instead of stopping."""

import json

from marshmallow import ValidationError

from shipguard.bundle.problems import Problem, problems_from_messages


class _NotJson(Exception):
    """Stops reading a file that is not JSON; its problem is already noted."""


def _reject_constant(name):
    # Python's json accepts NaN and Infinity; browsers' JSON.parse does not.
    raise ValueError(f"{name} is not valid JSON")


def read_json(path, problems):
    """The parsed content of a JSON file; raises _NotJson after noting why it is unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(str(path), f"byte {error.start}", "Not UTF-8 text."))
        raise _NotJson from error
    except OSError as error:
        problems.append(Problem(str(path), "", f"Cannot read the file: {error.strerror}."))
        raise _NotJson from error
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        problems.append(Problem(str(path), where, f"Invalid JSON: {error.msg}."))
        raise _NotJson from error
    except ValueError as error:
        problems.append(Problem(str(path), "", f"Invalid JSON: {error}."))
        raise _NotJson from error


def load_file(path, schema, problems, **load_options):
    """(raw document, validated data) of one data file, or None once its problems are noted."""
    try:
        raw = read_json(path, problems)
    except _NotJson:
        return None
    try:
        return raw, schema.load(raw, **load_options)
    except ValidationError as error:
        problems.extend(problems_from_messages(path, error.messages))
        return None


def json_files(folder):
    """The *.json files of a folder in name order (none if the folder does not exist)."""
    if not folder.is_dir():
        return []
    return sorted(
        path for path in folder.glob("*.json") if path.is_file() and not path.name.startswith(".")
    )


def link_problems(paths):
    """A problem for each of the paths that is a symbolic link.

    A link can pull any file of the machine into the bundle, or into the problems shown on
    the status page and in the logs; team data must be the folder's own files.
    """
    return [
        Problem(
            str(path),
            "",
            "A symbolic link; team data must be files inside the team folder "
            "(copy the file here instead of linking it).",
        )
        for path in paths
        if path.is_symlink()
    ]
