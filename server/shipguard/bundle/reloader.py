"""Hot reload: watch the data files and swap in a new bundle only when it is valid and new."""

import logging
import os
import threading
import time
from pathlib import Path

from shipguard import config
from shipguard.bundle.calendars import calendar_window, utc_today
from shipguard.bundle.document import load_bundle
from shipguard.bundle.problems import DataError
from shipguard.bundle.validation_cache import ValidationCache
from shipguard.config import parse_reload_interval

log = logging.getLogger("shipguard.reload")

EXTENSION_KEY = "shipguard.bundle.reloader"


def data_signature(folders):
    """(path, mtime_ns, size) of every JSON file under the folders: changes when a file does."""
    entries = []
    for folder in folders:
        for root, _, names in os.walk(folder):
            for name in names:
                if not name.endswith(".json"):
                    continue
                path = os.path.join(root, name)
                try:
                    status = os.stat(path)
                except OSError:
                    continue  # deleted while we looked; the next check sees the new state
                entries.append((path, status.st_mtime_ns, status.st_size))
    return tuple(sorted(entries))


class Reloader:
    """Owns the served bundle (app.extensions["shipguard"]) and replaces it when data changes.

    Requests read app.extensions["shipguard"] once; replacing a dict entry is atomic, so a
    request sees the old bundle or the new one, never a mix.
    """

    def __init__(self, app, team_dir=None, cache=None):
        self._extensions = app.extensions
        self.team_dir = Path(team_dir) if team_dir else None
        self.cache = cache
        self._lock = threading.Lock()
        # Unknown: files may have changed since create_app read them, so the first check
        # reloads (and keeps the same bundle, ETag and bytes if nothing did).
        self._signature = None
        self.loaded_at = _now()
        self.problems = ()
        self.rejected_at = None

    @property
    def bundle(self):
        return self._extensions["shipguard"]

    def watched_folders(self):
        folders = [config.default_data_dir(), config.messages_dir()]
        return folders + [self.team_dir] if self.team_dir else folders

    def signature(self):
        """What the bundle depends on: the data files, and the month its calendars start in."""
        first_day, _ = calendar_window(0, utc_today())
        return (first_day, data_signature(self.watched_folders()))

    def check(self, force=False):
        """Reload if a data file or the month changed (or `force`); True if a new bundle is now served.

        A change that fails validation is logged and kept in `problems`, and the current
        bundle stays. Files still being written when we read them are judged next time.
        """
        with self._lock:
            before = self.signature()
            if before == self._signature and not force:
                return False
            try:
                bundle = load_bundle(self.team_dir, self.cache)
            except DataError as error:
                if self.signature() == before:
                    self._reject(before, error.problems)
                return False
            if self.signature() != before:
                return False
            self._signature, self.problems, self.rejected_at = before, (), None
            return self._swap(bundle)

    def check_safely(self):
        """check() for the background thread: an unexpected error must not stop the checks."""
        try:
            self.check()
        except Exception as error:
            log.error(
                "Data check failed unexpectedly (%s); still serving bundle %s.",
                type(error).__name__,
                self.bundle.version,
            )

    def _reject(self, signature, problems):
        self._signature, self.problems, self.rejected_at = signature, tuple(problems), _now()
        log.warning(
            "Data change rejected; still serving bundle %s. %d problem(s):\n%s",
            self.bundle.version,
            len(self.problems),
            "\n".join(str(problem) for problem in self.problems),
        )

    def _swap(self, bundle):
        current = self.bundle
        # Same content, same ETag: keep the very bytes clients already hold (a touched file
        # would otherwise change generated_at under an unchanged ETag).
        if bundle.etag == current.etag:
            return False
        self._extensions["shipguard"] = bundle
        self.loaded_at = _now()
        log.info("Data reloaded: now serving bundle %s (was %s).", bundle.version, current.version)
        return True


def start_polling(reloader, interval):
    """Check for changes every `interval` seconds in a daemon thread; returns its stop Event."""
    stop = threading.Event()

    def run():
        while not stop.wait(interval):
            reloader.check_safely()

    threading.Thread(target=run, name="shipguard-reload", daemon=True).start()
    return stop


def install_reloader(app):
    """Attach a Reloader to the app, and start the background checks if the config asks."""
    reloader = app.extensions[EXTENSION_KEY] = Reloader(
        app, app.config.get("DATA_DIR"), validation_cache(app)
    )
    interval = parse_reload_interval(app.config.get("RELOAD_INTERVAL"))
    if interval:
        app.extensions["shipguard.reload_stop"] = start_polling(reloader, interval)
    return reloader


def validation_cache(app):
    """The app's ValidationCache, or None when VALIDATION_CACHE_DIR is unset."""
    folder = app.config.get("VALIDATION_CACHE_DIR")
    return ValidationCache(folder) if folder else None


def _now():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
