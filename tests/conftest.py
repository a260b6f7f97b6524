"""Fixtures every browser suite uses live in tests/support/browser_suite.py."""

import pytest

pytest_plugins = ["browser_suite"]


@pytest.fixture(scope="session", autouse=True)
def _user_cache_folder(tmp_path_factory):
    """`shipguard serve` keeps validated data in the user's cache folder: the servers the
    tests start keep theirs in the test run's own, never in the home folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield
