"""Fixtures for browser tests: the built extension in Chromium, Seller Central fixture
pages at their real URLs, and the real Shipguard server."""

import pytest
from browser import launch_with_extension, service_worker, storage_get, storage_set
from sellercentral import ORIGIN, install_routes


@pytest.fixture(scope="session")
def extension_dir(built_dist):
    return built_dist / "chrome"


@pytest.fixture
def browser_context(playwright, extension_dir, tmp_path, pages):
    """A fresh profile with Shipguard loaded and Seller Central served from fixtures."""
    context = launch_with_extension(playwright, extension_dir, tmp_path / "profile")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=ORIGIN)
    install_routes(context, pages)
    yield context
    context.close()


@pytest.fixture
def worker(browser_context):
    return service_worker(browser_context)


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
def page_errors(browser_context):
    """Every uncaught page error and console error, from every page of the context."""
    errors = []

    def watch(page):
        page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
        page.on(
            "console", lambda msg: msg.type == "error" and errors.append(f"console: {msg.text}")
        )

    for page in browser_context.pages:
        watch(page)
    browser_context.on("page", watch)
    return errors
