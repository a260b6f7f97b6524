"""Validation proven once per exact content: the validated data kept in a per-user cache.

Validating the data (every file's schema, every pattern compiled and checked against the
bounded dialect, every lint rule's examples, every template linted in every language) is
most of a server's start. Its outcome depends only on the bytes of the data files, the
code and the UTC day (the carrier calendar checks), so a start whose files hash to a key
validated before that day takes the validated records from the cache instead. Any other
byte in any file (or other code) is another key, validated in full; only valid data is ever
written, so a bad file is refused naming its file and field as before. An entry that cannot be read, is corrupt or cannot be written is ignored: the
data is then validated as if there were no cache.
"""

import hashlib
import json
import os
import sys
from functools import cache
from pathlib import Path

from shipguard import config

LOGGER = "shipguard.validation_cache"

# Bumped when an entry's layout changes, so older entries are never misread.
FORMAT = b"shipguard-validated-data 1"
# Entries of earlier contents kept besides the newest (a team editing templates makes many).
KEEP_ENTRIES = 8
# What validation runs besides the package's own code.
LIBRARIES = ("marshmallow", "holidays")
# Entries are "validated-<key>.json" (all the data) or "lint-<key>.json" (shipguard lint's).
VALIDATED = "validated"
PROOFS_FILE = "proofs.json"
# Checks remembered as passed at most (each a 64-character hash; the newest are kept).
KEEP_PROOFS = 2048


def _warn(message, *args):
    import logging  # warnings are rare: `shipguard lint` starts without logging

    logging.getLogger(LOGGER).warning(message, *args)


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
        digest.update(f"{name} {installed_version(name)}".encode())
    for path in sorted(config.PACKAGE_DIR.rglob("*.py")):
        digest.update(str(path.relative_to(config.PACKAGE_DIR)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def installed_version(name):
    """A library's version, from the name of its .dist-info folder on sys.path (the first,
    as imports find it): importing importlib.metadata would take longer than `shipguard
    lint` takes for a message."""
    start, end = name + "-", ".dist-info"
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in names:
            if entry.startswith(start) and entry.endswith(end):
                return entry[len(start) : -len(end)]
    from importlib import metadata  # installed some other way (an .egg-info)

    return metadata.version(name)


def content_key(files, extra_files, scope):
    """The key of the exact content: the code, every file's path and bytes (`files` a
    DataFiles snapshot; `extra_files` other paths validation reads) and `scope`: the day
    (ISO) for all the data, whose calendar checks depend on it, else what the entry is for."""
    digest = hashlib.sha256(FORMAT)
    digest.update(code_fingerprint().encode() + scope.encode())
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


class Proofs:
    """Checks passed by exact pieces of content: a lint file's rule examples, a template's
    lint with given rules and date formats. With a cache entry for all the data, a start
    skips every check; after a change, these spare the checks of what did not change (a
    reload after one template was edited lints that template only)."""

    def __init__(self, known=()):
        self.known = list(known)
        self._known = set(self.known)
        self.added = []

    @staticmethod
    def _hash(kind, content):
        digest = hashlib.sha256(FORMAT + code_fingerprint().encode() + kind.encode() + b"\0")
        digest.update(content.encode())
        return digest.hexdigest()

    def passed(self, kind, content):
        """Whether check `kind` passed on `content` (a canonical JSON text) before."""
        return self._hash(kind, content) in self._known

    def note(self, kind, content):
        """Remember that check `kind` passed on `content`."""
        proof = self._hash(kind, content)
        if proof not in self._known:
            self._known.add(proof)
            self.added.append(proof)


class ValidationCache:
    """Entries in one folder, one file per content key: a header line, then the JSON."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def _entry(self, key, kind):
        return self.folder / f"{kind}-{key}.json"

    def read(self, key, kind=VALIDATED):
        """The validated data stored for `key`, or None (missing, unreadable or corrupt)."""
        try:
            raw = self._entry(key, kind).read_bytes()
        except OSError:
            return None
        header, _, body = raw.partition(b"\n")
        try:
            stored = json.loads(header)
            if stored != {"key": key, "sha256": hashlib.sha256(body).hexdigest()}:
                raise ValueError("header does not match")
            return json.loads(body)
        except ValueError:
            _warn("Ignoring a corrupt validation cache entry: %s", self._entry(key, kind))
            return None

    def write(self, key, validated, kind=VALIDATED):
        """Store `validated` (JSON data) for `key`, atomically; a failure is only logged."""
        body = json.dumps(validated, ensure_ascii=False, separators=(",", ":")).encode()
        if json.loads(body) != validated:
            # Tuples or non-string keys would come back different: validate every time instead.
            _warn("Validated data does not survive JSON; not cached.")
            return
        header = json.dumps({"key": key, "sha256": hashlib.sha256(body).hexdigest()}).encode()
        if self._write(self._entry(key, kind).name, header + b"\n" + body):
            self._prune(kind)

    def _write(self, name, content):
        """Write a file of the folder atomically; False (logged) if it cannot be written."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            import tempfile  # only to write: `shipguard lint` reads, and starts without it

            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(content)
                os.replace(temporary, self.folder / name)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError as error:
            _warn(
                "Cannot write the validation cache in %s (%s); starts validate in full.",
                self.folder,
                error.strerror,
            )
            return False
        return True

    def proofs(self):
        """The Proofs kept in the folder (none if it cannot be read)."""
        try:
            known = json.loads((self.folder / PROOFS_FILE).read_bytes())
            if not isinstance(known, list) or not all(isinstance(p, str) for p in known):
                raise ValueError("not a list of hashes")
        except OSError:
            known = []
        except ValueError:
            _warn("Ignoring a corrupt validation cache file: %s", self.folder / PROOFS_FILE)
            known = []
        return Proofs(known)

    def keep(self, proofs):
        """Add the proofs noted since proofs() to the folder's (a failure is only logged)."""
        if not proofs.added:
            return
        kept = [p for p in self.proofs().known if p not in set(proofs.added)] + proofs.added
        self._write(PROOFS_FILE, json.dumps(kept[-KEEP_PROOFS:]).encode())

    def _prune(self, kind):
        """Keep the newest entries of a kind only (another process may be pruning too)."""

        def modified(path):
            try:
                return path.stat().st_mtime
            except OSError:
                return 0

        entries = sorted(self.folder.glob(f"{kind}-*.json"), key=modified, reverse=True)
        for stale in entries[KEEP_ENTRIES:]:
            stale.unlink(missing_ok=True)
