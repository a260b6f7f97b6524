"""Every saved version of the team's template texts, kept in SQLite beside the team folder."""

import contextlib
import difflib
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from shipguard.bundle.problems import DataError, Problem

HISTORY_SUFFIX = ".history.sqlite3"
# Seconds a save waits for another process's save to finish before giving up.
LOCK_TIMEOUT = 10
SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    template TEXT NOT NULL,
    locale TEXT NOT NULL,
    version TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    author TEXT,
    saved_at TEXT NOT NULL,
    restored_from INTEGER
);
CREATE INDEX IF NOT EXISTS versions_by_text ON versions (template, locale, id);
"""


def history_path(team_dir):
    """`<team folder>.history.sqlite3` next to the folder: outside the data, not served or loaded."""
    team_dir = Path(team_dir).resolve()
    return team_dir.with_name(team_dir.name + HISTORY_SUFFIX)


def text_version(texts):
    """A short hash of one language's subject and body: the version an edit starts from."""
    encoded = json.dumps([texts["subject"], texts["body"]], ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()[:12]


@dataclass(frozen=True)
class Version:
    """One saved text of one template language; author None: the text before the first edit."""

    id: int
    template: str
    locale: str
    version: str
    subject: str
    body: str
    author: str | None
    saved_at: str
    restored_from: int | None

    @property
    def texts(self):
        return {"subject": self.subject, "body": self.body}


class TemplateHistory:
    """The versions store; one connection per use, so threads and processes can share it."""

    def __init__(self, path):
        self.path = Path(path)

    @contextlib.contextmanager
    def _connection(self, write=False):
        try:
            connection = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT, isolation_level=None)
        except sqlite3.Error as error:
            raise self._unusable(error) from None
        try:
            connection.row_factory = sqlite3.Row
            connection.executescript(SCHEMA)
            if write:
                # Taken before the text is compared and held until it is written: a save in
                # another server process waits here rather than overwriting unseen.
                connection.execute("BEGIN IMMEDIATE")
            yield connection
            if write:
                connection.execute("COMMIT")
        except sqlite3.Error as error:
            raise self._unusable(error) from None
        finally:
            connection.close()

    def _unusable(self, error):
        return DataError([Problem(str(self.path), "", f"Cannot use the edit history: {error}.")])

    @contextlib.contextmanager
    def saving(self):
        """A write transaction: `record` inside it; nothing is kept if the block raises."""
        with self._connection(write=True) as connection:
            yield _Recorder(connection)

    def versions(self):
        """Every version by (template, locale), newest first; empty if nothing was saved yet."""
        if not self.path.exists():
            return {}
        with self._connection() as connection:
            rows = connection.execute("SELECT * FROM versions ORDER BY id DESC").fetchall()
        by_key = {}
        for row in rows:
            by_key.setdefault((row["template"], row["locale"]), []).append(Version(**dict(row)))
        return by_key

    def version(self, version_id):
        """The version with this id, or None."""
        if not self.path.exists():
            return None
        with self._connection() as connection:
            row = connection.execute(
                "SELECT * FROM versions WHERE id = ?", (version_id,)
            ).fetchone()
        return Version(**dict(row)) if row else None


class _Recorder:
    def __init__(self, connection):
        self._connection = connection

    def has_versions(self, template, locale):
        row = self._connection.execute(
            "SELECT 1 FROM versions WHERE template = ? AND locale = ? LIMIT 1", (template, locale)
        ).fetchone()
        return row is not None

    def record(self, template, locale, texts, author, restored_from=None):
        self._connection.execute(
            "INSERT INTO versions (template, locale, version, subject, body, author, saved_at,"
            " restored_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                template,
                locale,
                text_version(texts),
                texts["subject"],
                texts["body"],
                author,
                datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
                restored_from,
            ),
        )


def text_diff(older, newer):
    """The lines that changed from one text to the next, as a unified diff (subject first)."""

    def lines(texts):
        return [f"Subject: {texts['subject']}", "", *texts["body"].split("\n")]

    # Without the "---"/"+++" file header: the page says which versions are compared.
    return list(difflib.unified_diff(lines(older), lines(newer), lineterm=""))[2:]
