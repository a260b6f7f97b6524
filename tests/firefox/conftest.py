"""Fixtures for the Firefox suite: the built extension in Firefox ESR, Seller Central fixture
pages at their real URLs, and the real Shipguard server."""

import json

import pytest
from firefox import Firefox, firefox_executable, seller_central_hosts


@pytest.fixture(scope="session")
def firefox_build(built_dist):
    return built_dist / "firefox"


@pytest.fixture(scope="session")
def firefox_browser(tmp_path_factory):
    """One Firefox for the run (starting one takes seconds); each test installs Shipguard afresh."""
    if firefox_executable() is None:
        pytest.fail("Firefox is needed: `make test` installs firefox-esr, or set FIREFOX=/path")
    browser = Firefox(tmp_path_factory.mktemp("firefox-profile"))
    yield browser
    browser.close()


@pytest.fixture
def firefox(firefox_browser, firefox_build, pages):
    """Firefox with Shipguard freshly installed (empty storage, default settings, full access)
    and Seller Central served from `pages`; removed again after the test."""
    manifest = json.loads((firefox_build / "manifest.json").read_text(encoding="utf-8"))
    firefox_browser.serve_seller_central(seller_central_hosts(manifest), pages)
    extension = firefox_browser.install_extension(firefox_build)
    yield firefox_browser
    firefox_browser.uninstall_extension(extension)
    firefox_browser.close_tabs()
