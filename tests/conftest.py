"""The test run's own cache folder; fixtures every browser suite uses live in
tests/support/browser_suite.py."""

import os
import tempfile

import pytest
from shipguard.config import Config

pytest_plugins = ["browser_suite"]

# The run's cache folder, and what XDG_CACHE_HOME and Config said before it.
_CACHE_HOME = pytest.StashKey[tempfile.TemporaryDirectory]()
_BEFORE = pytest.StashKey[tuple]()


def pytest_configure(config):
    """`shipguard serve` keeps validated data in the user's cache folder: the servers the
    tests start keep theirs in the test run's own, never in the home folder, and so do the
    apps the tests create. The default data is then validated in full once a run, and every
    other app on the same bytes starts from what that proved, as `shipguard serve` does;
    data a test writes is another key, validated in full. Set here rather than in a fixture
    so the apps test modules build at import (schemathesis needs one to collect) share it.
    The cache itself is tested on folders of its own (test_validation_cache.py)."""
    folder = tempfile.TemporaryDirectory(prefix="shipguard-test-cache-")
    config.stash[_CACHE_HOME] = folder
    config.stash[_BEFORE] = (os.environ.get("XDG_CACHE_HOME"), Config.VALIDATION_CACHE_DIR)
    os.environ["XDG_CACHE_HOME"] = folder.name
    Config.VALIDATION_CACHE_DIR = os.path.join(folder.name, "shipguard")


def pytest_unconfigure(config):
    folder = config.stash.get(_CACHE_HOME, None)
    if folder is None:
        return
    cache_home, Config.VALIDATION_CACHE_DIR = config.stash[_BEFORE]
    if cache_home is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = cache_home
    folder.cleanup()
