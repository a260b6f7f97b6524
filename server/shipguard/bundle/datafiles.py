"""Reading one JSON data file and validating it, noting every problem instead of stopping."""

import json
import os
from pathlib import Path

from shipguard.bundle.problems import Problem, problems_from_messages


class _NotJson(Exception):
    """Stops reading a file that is not JSON; its problem is already noted."""


def _reject_constant(name):
    # Python's json accepts NaN and Infinity; browsers' JSON.parse does not.
    raise ValueError(f"{name} is not valid JSON")


class DataFiles:
    """Every JSON file under some folders, read once, so that loading validates exactly the
    bytes a validation cache key was computed from (a file changed meanwhile waits for the
    next load)."""

    def __init__(self, folders):
        self.contents = {}  # Path -> bytes, or the OSError reading it raised
        for folder in folders:
            for root, directories, names in os.walk(folder):
                directories[:] = sorted(d for d in directories if not d.startswith("."))
                for name in names:
                    path = Path(root) / name
                    # Regular files only: a pipe or a device would never end.
                    if name.endswith(".json") and path.is_file():
                        try:
                            self.contents[path] = path.read_bytes()
                        except OSError as error:
                            self.contents[path] = error

    def is_file(self, path):
        return path in self.contents

    def read_text(self, path):
        """The file's text as Path.read_text gives it (UTF-8, universal newlines)."""
        content = self.contents.get(path)
        if content is None:
            raise FileNotFoundError(2, "No such file or directory", str(path))
        if isinstance(content, OSError):
            raise content
        return content.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")

    def json_files(self, folder):
        """The *.json files directly in a folder, in name order, but hidden ones."""
        return sorted(
            path
            for path in self.contents
            if path.parent == folder and not path.name.startswith(".")
        )


def read_json(path, problems, files=None):
    """The parsed content of a JSON file (from `files`, a DataFiles, if given); raises
    _NotJson after noting why it is unusable."""
    try:
        text = files.read_text(path) if files is not None else path.read_text(encoding="utf-8")
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


def load_file(path, schema, problems, files=None, **load_options):
    """(raw document, validated data) of one data file, or None once its problems are noted."""
    try:
        raw = read_json(path, problems, files)
    except _NotJson:
        return None
    # Imported here: `shipguard lint` reads DataFiles for a cache key, without the schemas.
    from marshmallow import ValidationError

    try:
        return raw, schema.load(raw, **load_options)
    except ValidationError as error:
        problems.extend(problems_from_messages(path, error.messages))
        return None


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
