"""One Chromium with Shipguard for the run, put back to a fresh install's state before each test.

Starting Chromium with the extension takes seconds of CPU; most browser tests only need the
extension as a fresh profile has it. Before each test everything a test and Shipguard can
leave behind is undone: the pages (and their listeners), the test's routes, cookies, site
permissions and the clipboard; Shipguard's storage (local, sync, session), alarms and site
access; then the extension is reloaded, which ends its service worker (timers, fetches in
flight, anything it holds in memory) and runs its install handler again, as a new profile
does. test_shared_chromium.py fails if anything leaks from one test to the next. Tests
about the profile itself (first install, another time zone or UI language) launch their
own browser.
"""

from browser import launch_with_extension, service_worker
from sellercentral import ORIGIN, forget_routes, install_routes

CLIPBOARD = ["clipboard-read", "clipboard-write"]

# Run on chrome://extensions, the page whose API the seller's own switches use.
DEVELOPER_MODE = """() => new Promise((resolve) =>
    chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, resolve))"""
EXTENSION_CALL = """([method, ...args]) => new Promise((resolve, reject) =>
    chrome.developerPrivate[method](...args, () =>
        chrome.runtime.lastError ? reject(new Error(chrome.runtime.lastError.message)) : resolve()))"""

# Run in the service worker about to be ended by the reload: it forgets what the extension
# keeps between browser sessions, and nothing it still has in flight (a fetch waiting for
# its timeout) may write afterwards.
FORGET_EVERYTHING = """async () => {
    const areas = [chrome.storage.local, chrome.storage.sync, chrome.storage.session];
    const clears = areas.map((area) => area.clear.bind(area));
    const ignored = async () => {};
    for (const area of areas) area.set = area.remove = area.clear = ignored;
    chrome.alarms.create = ignored;
    await Promise.all([...clears.map((clear) => clear()), chrome.alarms.clearAll()]);
}"""


class SharedChromium:
    """A persistent Chromium context with the extension, and `reset()` to reuse it."""

    def __init__(self, playwright, extension_dir, profile_dir):
        self.context = launch_with_extension(playwright, extension_dir, profile_dir)
        self.worker = service_worker(self.context)
        self.extension_id = self.worker.url.split("/")[2]
        self.admin = self.context.new_page()
        self.admin.goto("chrome://extensions")
        # An unpacked extension reloaded outside developer mode comes back disabled.
        self.admin.evaluate(DEVELOPER_MODE)

    def reset(self, pages):
        """Back to a fresh install, with Seller Central served from `pages`."""
        context = self.context
        context.unroute_all(behavior="ignoreErrors")
        forget_routes(context)
        for page in context.pages:
            if page != self.admin:
                page.close()
        context.clear_cookies()
        context.clear_permissions()
        self.admin.evaluate("navigator.clipboard.writeText('')")
        self._call(
            "updateExtensionConfiguration",
            {"extensionId": self.extension_id, "hostAccess": "ON_ALL_SITES"},
        )
        self.worker.evaluate(FORGET_EVERYTHING)
        self._reload()
        context.grant_permissions(CLIPBOARD, origin=ORIGIN)
        install_routes(context, pages)

    def _reload(self):
        with self.context.expect_event(
            "serviceworker", predicate=lambda worker: self.extension_id in worker.url
        ) as started:
            self._call("reload", self.extension_id, {"failQuietly": True})
        self.worker = started.value

    def _call(self, method, *args):
        self.admin.evaluate(EXTENSION_CALL, [method, *args])

    def close(self):
        self.context.close()
