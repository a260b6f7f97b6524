"""Validation proven once per exact content: the validated data kept in a per-user cache.

Validating the data (every file's schema, every pattern compiled and checked against the
bounded dialect, every lint rule's examples, every template linted in every language) is
most of a server's start. Its outcome depends only on the bytes of the data files and on
the code, so a start whose files hash to a key validated before takes the validated records
from the cache instead. Any other byte in any file (or other code) is another key, validated
in full; only valid data is ever written, so a bad file is refused naming its file and field
as before. An entry that cannot be read, is corrupt or cannot be written is ignored: the
data is then validated as if there were no cache.
"""

import hashlib
import json
import logging
import os
import sys
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from shipguard import config

log = logging.getLogger("shipguard.validation_cache")

# Bumped when an entry's layout changes, so older entries are never misread.
FORMAT = b"shipguard-validated-data 1"
# Entries of earlier contents kept besides the newest (a team editing templates makes many).
KEEP_ENTRIES = 8
# What validation runs besides the package's own code.
LIBRARIES = ("marshmallow", "holidays")
PREFIX = "validated-"


def default_cache_dir():
    """$XDG_CACHE_HOME/shipguard, else ~/.cache/shipguard: the user's, never the package's."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG specification says a relative path is to be ignored.
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "shipguard"


@cache
def code_fingerprint():
    """A hash of the code that validates: the package's Python files and the libraries' versions."""
    digest = hashlib.sha256(sys.version.encode())
    for name in LIBRARIES:
        digest.update(f"{name} {metadata.version(name)}".encode())
    for path in sorted(config.PACKAGE_DIR.rglob("*.py")):
        digest.update(str(path.relative_to(config.PACKAGE_DIR)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_key(files, extra_files, day):
    """The key of the exact content: the code, every file's path and bytes (`files` a
    DataFiles snapshot; `extra_files` other paths validation reads) and the day (ISO)."""
    digest = hashlib.sha256(FORMAT)
    digest.update(code_fingerprint().encode() + day.encode())
    extra = {Path(path): _bytes_or_error(Path(path)) for path in extra_files}
    for path, content in sorted({**files.contents, **extra}.items()):
        digest.update(b"\0" + str(path).encode() + b"\0")
        # A file that could not be read is never valid, but keep the key exact anyway.
        content = content if isinstance(content, bytes) else repr(content).encode()
        digest.update(str(len(content)).encode() + b"\0" + content)
    return digest.hexdigest()


def _bytes_or_error(path):
    try:
        return path.read_bytes()
    except OSError as error:
        return error


class ValidationCache:
    """Entries in one folder, one file per content key: a header line, then the JSON."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def _entry(self, key):
        return self.folder / f"{PREFIX}{key}.json"

    def read(self, key):
        """The validated data stored for `key`, or None (missing, unreadable or corrupt)."""
        try:
            raw = self._entry(key).read_bytes()
        except OSError:
            return None
        header, _, body = raw.partition(b"\n")
        try:
            stored = json.loads(header)
            if stored != {"key": key, "sha256": hashlib.sha256(body).hexdigest()}:
                raise ValueError("header does not match")
            return json.loads(body)
        except ValueError:
            log.warning("Ignoring a corrupt validation cache entry: %s", self._entry(key))
            return None

    def write(self, key, validated):
        """Store `validated` (JSON data) for `key`, atomically; a failure is only logged."""
        body = json.dumps(validated, ensure_ascii=False, separators=(",", ":")).encode()
        if json.loads(body) != validated:
            # Tuples or non-string keys would come back different: validate every time instead.
            log.warning("Validated data does not survive JSON; not cached.")
            return
        header = json.dumps({"key": key, "sha256": hashlib.sha256(body).hexdigest()}).encode()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(header + b"\n" + body)
                os.replace(temporary, self._entry(key))
            except BaseException:
                os.unlink(temporary)
                raise
            self._prune()
        except OSError as error:
            log.warning(
                "Cannot write the validation cache in %s (%s); every start validates in full.",
                self.folder,
                error.strerror,
            )

    def _prune(self):
        """Keep the newest entries only (another process may be pruning too)."""

        def modified(path):
            try:
                return path.stat().st_mtime
            except OSError:
                return 0

        entries = sorted(self.folder.glob(f"{PREFIX}*.json"), key=modified, reverse=True)
        for stale in entries[KEEP_ENTRIES:]:
            stale.unlink(missing_ok=True)
