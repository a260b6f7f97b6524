"""Two headless Chromiums for the benchmark, one with the built extension and one without,
and a page wrapper that reads CDP metrics, heap and DOM counters."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from shipguard.commands.build import build
from shipguard.demo.browser import BROWSER_ARGS, chromium_executable, launch_with_extension

from .pages import install_pages

READY_TIMEOUT_S = 15
SETTLE_MS = 300  # after the overlay is ready, before rows arrive


class BenchPage:
    """One tab with a CDP session; `extension` says whether Shipguard runs in it."""

    def __init__(self, context, extension: bool):
        self.extension = extension
        self.page = context.new_page()
        self.cdp = context.new_cdp_session(self.page)
        self.cdp.send("Performance.enable")

    def open(self, url: str) -> None:
        """Load `url`; with the extension, return once its orders-list feature is running."""
        self.page.goto(url, wait_until="load")
        if self.extension:
            try:
                self.page.wait_for_function(
                    "() => document.documentElement.dataset.shipguardPage === 'orders-list'",
                    timeout=READY_TIMEOUT_S * 1000,
                )
            except Exception as error:
                raise RuntimeError(
                    "Shipguard's orders-list feature did not start on the benchmark page"
                ) from error
        self.page.wait_for_timeout(SETTLE_MS)

    def bench(self, method: str, *args):
        """Call window.__shipguardBench[method](...args) in the page (awaiting promises)."""
        return self.page.evaluate(
            "([m, args]) => window.__shipguardBench[m](...args)", [method, list(args)]
        )

    def metrics(self) -> dict[str, float]:
        return {m["name"]: m["value"] for m in self.cdp.send("Performance.getMetrics")["metrics"]}

    def heap(self) -> dict[str, float]:
        """The page isolate's heap after two full collections, and the DOM counters."""
        for _ in range(2):
            self.cdp.send("HeapProfiler.collectGarbage")
        usage = self.cdp.send("Runtime.getHeapUsage")
        counters = self.cdp.send("Memory.getDOMCounters")
        return {
            "used": usage["usedSize"],
            "embedder": usage.get("embedderHeapUsedSize", float("nan")),
            "nodes": counters["nodes"],
            "listeners": counters["jsEventListeners"],
        }

    def wait(self, ms: float) -> None:
        self.page.wait_for_timeout(ms)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.cdp.detach()
        self.page.close()


# The reference overlay: the least a content script can do per row (see its content.js).
LEAST_OVERLAY_DIR = Path(__file__).with_name("least_overlay")


class Browsers:
    """`with Browsers(playwright, sizes) as b:` b.with_ext / b.without are persistent contexts
    serving the generated pages (b.least, with need_least, has the reference overlay);
    b.zip_path is the built extension's store zip."""

    def __init__(self, playwright, sizes, need_without=True, need_least=False):
        self.playwright = playwright
        self.sizes = sizes
        self.need_without = need_without
        self.need_least = need_least
        self.with_ext = self.without = self.least = None

    def __enter__(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="shipguard-bench-")
        try:
            return self._start(Path(self._tmp.name))
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def _start(self, root):
        self.extension_dir = build(out_dir=root / "dist")
        self.zip_path = next((root / "dist").glob("shipguard-chrome-*.zip"))
        self.with_ext = launch_with_extension(
            self.playwright, self.extension_dir, root / "profile-ext"
        )
        install_pages(self.with_ext, self.sizes)
        if self.need_without:
            self.without = self.playwright.chromium.launch_persistent_context(
                str(root / "profile-plain"),
                executable_path=chromium_executable(),
                headless=True,
                args=BROWSER_ARGS,
            )
            install_pages(self.without, self.sizes)
        if self.need_least:
            self.least = launch_with_extension(
                self.playwright, LEAST_OVERLAY_DIR, root / "profile-least"
            )
            install_pages(self.least, self.sizes)
        for context in (self.with_ext, self.without, self.least):
            for page in list(context.pages) if context else []:
                page.close()  # the blank first tab would only add noise
        return self

    def page(self, extension: bool, least: bool = False) -> BenchPage:
        """A tab with Shipguard, without it, or (`least`) with the reference overlay."""
        if least:
            return BenchPage(self.least, True)
        return BenchPage(self.with_ext if extension else self.without, extension)

    def chromium_version(self) -> str:
        page = self.page(True)
        try:
            return page.cdp.send("Browser.getVersion")["product"]
        except Exception:
            return page.page.evaluate("navigator.userAgent")
        finally:
            page.close()

    def __exit__(self, *exc):
        for context in (self.with_ext, self.without, self.least):
            if context:
                with contextlib.suppress(Exception):
                    context.close()
        self._tmp.cleanup()
