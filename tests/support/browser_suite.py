"""Fixtures both browser suites share (Chromium in tests/e2e, Firefox in tests/firefox): one
build of the extension for the run, the real server, and the Seller Central fixture pages."""

import pytest
from sellercentral import FIXTURE_ROUTES
from shipguard.commands.build import build
from shipguard.commands.server_process import running_server

# A test folder's name marks its tests, so `-m "not firefox"` picks a suite.
SUITE_MARKERS = {"e2e": "e2e", "firefox": "firefox"}


def pytest_collection_modifyitems(items):
    for item in items:
        folder = item.path.parent.name
        if folder in SUITE_MARKERS:
            item.add_marker(getattr(pytest.mark, SUITE_MARKERS[folder]))


@pytest.fixture(scope="session")
def built_dist(tmp_path_factory):
    """`shipguard build` output (chrome/ and firefox/), built once per run into a temporary dist/."""
    out = tmp_path_factory.mktemp("dist")
    build(out_dir=out)
    return out


@pytest.fixture(scope="session")
def server_url():
    """The real server, shared by the tests that only read from it."""
    with running_server() as server:
        yield server.url


@pytest.fixture
def pages():
    """URL path or full URL -> fixture file served on Seller Central; tests may add their own."""
    return dict(FIXTURE_ROUTES)
