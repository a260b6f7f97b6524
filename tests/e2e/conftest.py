"""Fixtures for browser tests: the built extension in Chromium, Seller Central fixture
pages at their real URLs, and the real Shipguard server."""

import pytest
from browser import storage_get, storage_set
from shared_chromium import SharedChromium


@pytest.fixture(scope="session")
def extension_dir(built_dist):
    return built_dist / "chrome"


@pytest.fixture(scope="session")
def shared_chromium(playwright, extension_dir, tmp_path_factory):
    """The run's Chromium with Shipguard (see shared_chromium.py)."""
    browser = SharedChromium(playwright, extension_dir, tmp_path_factory.mktemp("profile"))
    yield browser
    browser.close()


@pytest.fixture
def browser_context(shared_chromium, pages):
    """Shipguard as a fresh install has it, and Seller Central served from `pages`."""
    shared_chromium.reset(pages)
    return shared_chromium.context


@pytest.fixture
def worker(shared_chromium, browser_context):
    return shared_chromium.worker


@pytest.fixture
def extension_id(worker):
    return worker.url.split("/")[2]


@pytest.fixture
def use_server(worker):
    """Point the extension at a server URL and wait until its bundle is in use."""

    def point(url):
        storage_set(worker, "sync", {"serverUrl": url})
        worker.evaluate(
            """async (url) => {
                for (let i = 0; i < 100; i++) {
                    const s = await chrome.storage.local.get(["bundleUrl", "bundleSource"]);
                    if (s.bundleSource === "server" && s.bundleUrl === url + "/api/v1/bundle") return;
                    await new Promise((r) => setTimeout(r, 100));
                }
                throw new Error("the extension did not fetch the bundle from " + url);
            }""",
            url,
        )
        return storage_get(worker, "local", "bundle")

    return point


@pytest.fixture
def page_errors(shared_chromium, browser_context):
    """Every uncaught page error and console error, from every page the test opens."""
    errors = []

    def watch(page):
        page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
        page.on(
            "console", lambda msg: msg.type == "error" and errors.append(f"console: {msg.text}")
        )

    for page in browser_context.pages:
        if page != shared_chromium.admin:
            watch(page)
    browser_context.on("page", watch)
    yield errors
    browser_context.remove_listener("page", watch)
