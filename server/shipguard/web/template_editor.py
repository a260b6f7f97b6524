"""Saving a template edited on the status page: validate the resulting data, then write atomically."""

import contextlib
import copy
import json
import os
import shutil
import tempfile
import threading
from pathlib import Path

from shipguard.bundle.datastore import load_data
from shipguard.bundle.problems import DataError, Problem

# One save at a time per process, so two edits cannot both pass validation on the same base.
_SAVE_LOCK = threading.Lock()


def edited_template(template, locale, subject, body):
    """A copy of the template with one language's texts replaced (browser CRLFs made LF)."""
    record = copy.deepcopy(template)
    record["locales"][locale] = {"subject": _lines(subject), "body": _lines(body)}
    return record


def _lines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


def template_file_text(record):
    """A template file in the canonical form of the shipped ones."""
    return json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def save_template(team_dir, record):
    """Write messages/<id>.json into the team folder if the data stays valid with it.

    Raises DataError (problems naming the team folder's file) and writes nothing if not.
    """
    team_dir = Path(team_dir)
    if not team_dir.is_dir():
        raise DataError([Problem(str(team_dir), "", "The team data folder does not exist.")])
    relative = Path("messages") / f"{record['id']}.json"
    text = template_file_text(record)
    with _SAVE_LOCK:
        validate_with_file(team_dir, relative, text)
        write_atomically(team_dir / relative, text)
    return team_dir / relative


def validate_with_file(team_dir, relative, text):
    """Load defaults plus a copy of the team folder holding the new file; raise DataError."""
    with tempfile.TemporaryDirectory(prefix="shipguard-edit-") as stage:
        staged = Path(stage) / "team"
        shutil.copytree(team_dir, staged, ignore=shutil.ignore_patterns(".*"))
        (staged / relative).parent.mkdir(parents=True, exist_ok=True)
        (staged / relative).write_text(text, encoding="utf-8")
        try:
            load_data(staged)
        except DataError as error:
            raise DataError(_moved(error.problems, str(staged), str(team_dir))) from None


def _moved(problems, staged, real):
    """Problems found in the staged copy, pointing at the real folder's files."""
    return [
        Problem(
            real + problem.file[len(staged) :] if problem.file.startswith(staged) else problem.file,
            problem.where,
            problem.reason,
        )
        for problem in problems
    ]


def write_atomically(path, text):
    """Readers see the old file or the new one, never half of it: temp file, fsync, rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)  # mkstemp's 0600 would hide the file from other server users
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
