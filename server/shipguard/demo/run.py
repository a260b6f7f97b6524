"""`shipguard demo`: the built extension in Chromium on sample Seller Central pages, in a window or as screenshots."""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from shipguard import config

# The pages a seller would look at first, in the order the window's tabs and the
# screenshots show them; each comes with its real URL from its fixture's sidecar.
LIST_PAGES = (
    ("US", "orders-list-unshipped.html"),
    ("UK", "orders-list-uk.html"),
    ("DE", "orders-list-de.html"),
    ("FR", "orders-list-fr.html"),
    ("JP", "orders-list-jp.html"),
    ("EU", "orders-list-europe.html"),
)
# Account Health has no sidecar (no orders); Shipguard reads the seller's rates there and the
# popup projects them. One page only: the figures Shipguard keeps are the last ones it read.
ACCOUNT_HEALTH_PAGES = {
    "https://sellercentral.amazon.com/performance/dashboard": "account-health-us.html"
}
# Fixtures that show Shipguard failing politely or nothing at all; tests want them, a demo does not.
NOT_DEMO = ("unknown-layout", "empty", "signin")
# Small enough that each screenshot stays under ~150 KB for the README.
VIEWPORT = {"width": 1024, "height": 640}
OPTIONS_VIEWPORT = {"width": 800, "height": 700}
POPUP_VIEWPORT = {"width": 400, "height": 600}
STATUSES = ("late", "due-soon", "on-track", "done", "unknown")


def sidecar(name):
    path = config.sample_pages_dir() / (name.rsplit(".", 1)[0] + ".expect.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def demo_routes():
    """{full URL: sample page}: the list pages first, then every other page with a known URL."""
    from shipguard.demo.routes import FIXTURE_ROUTES, ORIGIN

    routes = {}
    names = [name for _, name in LIST_PAGES] + sorted(
        p.name
        for p in config.sample_pages_dir().iterdir()
        if p.suffix in (".html", ".json") and not p.name.endswith(".expect.json")
    )
    for name in names:
        expect = sidecar(name)
        if expect is None or expect.get("variant_of") or any(word in name for word in NOT_DEMO):
            continue
        routes.setdefault(expect["origin"] + expect["path"], name)
    for path, name in FIXTURE_ROUTES.items():
        routes.setdefault(ORIGIN + path, name)
    for url, name in account_health_pages().items():
        routes.setdefault(url, name)
    return routes


def account_health_pages():
    return {
        url: name
        for url, name in ACCOUNT_HEALTH_PAGES.items()
        if (config.sample_pages_dir() / name).exists()
    }


def list_pages():
    """[(label, URL, number of orders)] for the list pages that exist."""
    found = []
    for label, name in LIST_PAGES:
        expect = sidecar(name)
        if expect is not None:
            found.append((label, expect["origin"] + expect["path"], len(expect.get("orders", {}))))
    return found


def keep_off_the_network(context):
    """Answer every request that is not to the local server: nothing reaches Amazon or anyone else.

    Registered first, so the sample-page routes (registered later) are asked before it.
    """

    def off_machine(url):
        # The extension's own files (chrome-extension://) pass through routing too: leave them be.
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.hostname not in (
            "127.0.0.1",
            "localhost",
        )

    def handler(route):
        return route.fulfill(
            status=404,
            content_type="text/plain; charset=utf-8",
            body="Not part of the Shipguard demo: nothing is sent to Amazon.",
        )

    context.route(off_machine, handler)


def use_server(worker, url, timeout=10):
    """Point the extension at the demo server and wait (briefly) for its bundle."""
    worker.evaluate("async (url) => chrome.storage.sync.set({ serverUrl: url })", url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        source = worker.evaluate(
            "async () => (await chrome.storage.local.get('bundleSource')).bundleSource"
        )
        if source == "server":
            return True
        time.sleep(0.2)
    return False  # the packed bundle works too; the demo goes on with it


def open_list(context, url, orders):
    page = context.new_page()
    page.goto(url)
    if orders:
        page.wait_for_function(
            "n => document.querySelectorAll('[data-shipguard-order]').length >= n",
            arg=orders,
            timeout=15_000,
        )
    # Statuses may be refined once the page's own JSON arrives; they settle within a second.
    page.wait_for_timeout(1200)
    return page


def service_worker_of(context):
    return context.service_workers[0]


def wait_for_storage(worker, key, timeout=10):
    """Wait until the extension has stored `key` locally (it reads pages asynchronously)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.evaluate(
            "async (key) => (await chrome.storage.local.get(key))[key] != null", key
        ):
            return True
        time.sleep(0.2)
    return False


def status_counts(page):
    statuses = page.eval_on_selector_all(
        "[data-shipguard-order]", "hosts => hosts.map(h => h.dataset.shipguardStatus)"
    )
    return {status: statuses.count(status) for status in STATUSES if status in statuses}


def take_screenshots(context, extension_id, out_dir, extension_pages=True):
    """Write the README's screenshots (the store's leave out the popup and options pages); return [(file, what it shows)]."""
    out_dir.mkdir(parents=True, exist_ok=True)
    shots = []
    for label, url, orders in list_pages():
        page = open_list(context, url, orders)
        counts = ", ".join(f"{n} {status}" for status, n in status_counts(page).items())
        file = out_dir / f"orders-list-{label.lower()}.png"
        page.screenshot(path=file)
        shots.append((file, f"{label} Manage Orders with badges ({counts})"))
        if label == "US":
            shots.append(remedies_screenshot(page, out_dir))
        page.close()
    for url in account_health_pages():
        # Visited so the popup has the seller's rates to project (nothing to screenshot here).
        page = open_list(context, url, 0)
        wait_for_storage(service_worker_of(context), "accountHealth")
        page.close()
    for name, viewport in (("popup", POPUP_VIEWPORT), ("options", OPTIONS_VIEWPORT))[
        : 2 if extension_pages else 0
    ]:
        page = context.new_page()
        page.set_viewport_size(viewport)
        page.goto(f"chrome-extension://{extension_id}/{name}/{name}.html")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        file = out_dir / f"{name}.png"
        # The popup is as wide as its body, like the real one under the toolbar icon.
        (page.locator("body") if name == "popup" else page).screenshot(path=file)
        shots.append((file, f"the {name} page"))
        page.close()
    return shots


def remedies_screenshot(page, out_dir):
    late = page.locator('[data-shipguard-status="late"]').first
    late.scroll_into_view_if_needed()
    late.click()
    late.locator(".panel").wait_for(state="visible", timeout=10_000)
    page.wait_for_timeout(300)
    file = out_dir / "remedies-panel.png"
    page.screenshot(path=file)
    return file, "the remedies panel of a late order"


def has_display():
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def has_japanese_font():
    """Whether fontconfig knows a Japanese font; without one the JP pages show boxes.
    Systems without fontconfig (macOS, Windows) ship CJK fonts."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return True
    found = subprocess.run(
        [fc_list, ":lang=ja", "family"], capture_output=True, text=True, timeout=30, check=False
    )
    return bool(found.stdout.strip())


def run(out_dir=None, headed=False, data_dir=None, lang=None):
    """Run the demo; a window when asked (or a display and no --out), else screenshots. Returns an exit status."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        print("shipguard demo needs Playwright: pip install 'shipguard[demo]'")
        return 1
    if not has_japanese_font():
        print(
            "No Japanese font: the JP page will show boxes. Install one first, such as "
            "Debian's fonts-noto-cjk (`make browser` does, as root)."
        )
    window = headed or (out_dir is None and has_display())
    out_dir = Path(out_dir or "demo-screenshots").resolve()
    try:
        shots = drive(window, out_dir, data_dir, lang)
    except KeyboardInterrupt:
        # Ctrl+C is one way to end the window; a screenshot run cut short is not a success.
        print("Demo closed." if window else "Demo stopped before its screenshots were done.")
        return 0 if window else 130
    if not window:
        print(f"Screenshots in {out_dir}:")
        for file, what in shots:
            print(f"  {file.name}: {what}")
    return 0


def drive(window, out_dir, data_dir, lang, scale=1, extension_pages=True):
    """Server, build, browser; then the window (until closed) or the screenshots, which it returns.

    `scale` is the device pixel ratio: the same page layout in sharper, larger pictures
    (the stores' 1280x800 is the README's 1024x640 at 1.25).
    """
    from playwright.sync_api import sync_playwright

    from shipguard.commands.build import build
    from shipguard.commands.server_process import running_server
    from shipguard.demo.browser import launch_with_extension, service_worker
    from shipguard.demo.routes import install_routes

    # Chromium may still be writing its profile when Ctrl+C stops it: a leftover file in the
    # temporary folder must not turn a clean exit into a traceback.
    with (
        tempfile.TemporaryDirectory(prefix="shipguard-demo-", ignore_cleanup_errors=True) as work,
        running_server(data_dir=data_dir) as server,
    ):
        server_url = server.url
        extension_dir = build(Path(work) / "dist", data_dir=data_dir)
        print(f"Server {server_url}; extension built in {extension_dir}", flush=True)
        with sync_playwright() as playwright:
            context = launch_with_extension(
                playwright,
                extension_dir,
                Path(work) / "profile",
                headless=not window,
                lang=lang,
                viewport=VIEWPORT,
                device_scale_factor=scale,
            )
            keep_off_the_network(context)
            install_routes(context, demo_routes())
            worker = service_worker(context)
            use_server(worker, server_url)
            extension_id = urlsplit(worker.url).hostname
            if window:
                show_window(context, extension_id)
                return []
            shots = take_screenshots(context, extension_id, out_dir, extension_pages)
            context.close()
            return shots


def show_window(context, extension_id):
    """One tab per marketplace's Manage Orders, then the options page; wait until the window is closed.

    Ctrl+C only raises a flag from the first tab on: a KeyboardInterrupt raised inside a
    Playwright call can leave its connection waiting for an answer that never comes, and the
    demo hangs on exit. The flag is up before the prompt is printed, so a Ctrl+C right after
    it is never lost.
    """
    interrupted = []
    previous = signal.signal(signal.SIGINT, lambda _signal, _frame: interrupted.append(True))
    try:
        labels = []
        for label, url, orders in list_pages():
            open_list(context, url, orders)
            labels.append(label)
        for url in account_health_pages():
            open_list(context, url, 0)
        context.new_page().goto(f"chrome-extension://{extension_id}/options/options.html")
        for page in context.pages:
            if page.url == "about:blank" and len(context.pages) > 1:
                page.close()
        print(
            f"Open: Manage Orders for {', '.join(labels)} (one tab each), Account Health and the options page."
        )
        print(
            "Click a badge for its remedies, or the toolbar icon for the popup. Nothing is sent to Amazon."
        )
        print("Close the browser window (or press Ctrl+C) to end the demo.", flush=True)
        wait_until_closed_or_interrupted(context, interrupted)
    finally:
        signal.signal(signal.SIGINT, previous)
    print("Demo closed.")


def wait_until_closed_or_interrupted(context, interrupted):
    """Until the window is closed or `interrupted` (Ctrl+C's flag) holds something; then the
    window is closed."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    closed = []
    context.on("close", lambda _context: closed.append(True))
    while not closed and not interrupted:
        with contextlib.suppress(PlaywrightTimeout):  # a chance to see the flag
            context.wait_for_event("close", timeout=250)
    if not closed:
        context.close()
