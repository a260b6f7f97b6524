"""Saving a template edited on the status page: check its base version, validate the resulting
data, write atomically, and keep the version in the history."""

import contextlib
import copy
import json
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from shipguard.bundle.datastore import load_data
from shipguard.bundle.problems import DataError, Problem
from shipguard.web.template_history import TemplateHistory, history_path, text_version

# One save at a time per process, so two edits cannot both pass validation on the same base
# (the history's write transaction does the same between processes).
_SAVE_LOCK = threading.Lock()


@dataclass(frozen=True)
class Edit:
    """New texts for one template language, and the version of the text the editor started from."""

    template_id: str
    locale: str
    subject: str
    body: str
    base_version: str
    author: str
    restored_from: int | None = None


class StaleEdit(Exception):
    """The text was saved by someone else since the editor loaded it; `current` is theirs."""

    def __init__(self, current):
        super().__init__("The template language changed since the edit began.")
        self.current = current
        self.version = text_version(current)


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


def save_edit(team_dir, bundled_template, edit):
    """Write messages/<id>.json into the team folder if the edit starts from the current text
    and the data stays valid with it; record the new version (and, on a language's first
    edit, the text it replaced) in the history.

    Raises StaleEdit if the text changed since the edit began, DataError (problems naming the
    team folder's file) if the data would not be valid; either way nothing is written.
    """
    team_dir = Path(team_dir)
    if not team_dir.is_dir():
        raise DataError([Problem(str(team_dir), "", "The team data folder does not exist.")])
    relative = Path("messages") / f"{edit.template_id}.json"
    history = TemplateHistory(history_path(team_dir))
    with _SAVE_LOCK, history.saving() as recorder:
        current = current_template(team_dir / relative, bundled_template, edit.locale)
        before = current["locales"][edit.locale]
        if text_version(before) != edit.base_version:
            raise StaleEdit(before)
        record = edited_template(current, edit.locale, edit.subject, edit.body)
        text = template_file_text(record)
        validate_with_file(team_dir, relative, text)
        write_atomically(team_dir / relative, text)
        if not recorder.has_versions(edit.template_id, edit.locale):
            recorder.record(edit.template_id, edit.locale, before, author=None)
        recorder.record(
            edit.template_id,
            edit.locale,
            record["locales"][edit.locale],
            author=edit.author,
            restored_from=edit.restored_from,
        )
    return team_dir / relative


def current_template(team_file, bundled_template, locale):
    """The template as it is now: the team folder's file (another process may have just
    written it) if it holds this language, else the one being served."""
    try:
        record = None if team_file.is_symlink() else json.loads(team_file.read_text("utf-8"))
    except (OSError, ValueError):
        record = None  # absent, or not JSON: the served one is what editors saw
    try:
        texts = record["locales"][locale]
        if isinstance(texts["subject"], str) and isinstance(texts["body"], str):
            return record
    except (KeyError, TypeError):
        pass
    return bundled_template


def validate_with_file(team_dir, relative, text):
    """Load defaults plus a copy of the team folder holding the new file; raise DataError."""
    with tempfile.TemporaryDirectory(prefix="shipguard-edit-") as stage:
        staged = Path(stage) / "team"
        # Links stay links, so the staged copy is refused for them as the real folder would be.
        shutil.copytree(team_dir, staged, symlinks=True, ignore=shutil.ignore_patterns(".*"))
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
