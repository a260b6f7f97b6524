"""Launching Chromium with the built Shipguard extension, and reaching into its storage."""

import json

# The launch recipe is the package's, so `shipguard demo` and the tests run the same browser.
from shipguard.demo.browser import (  # noqa: F401  (re-exported for the tests)
    BROWSER_ARGS,
    chromium_executable,
    launch_with_extension,
    service_worker,
)


def storage_get(worker, area, key):
    return worker.evaluate(
        f"async () => (await chrome.storage.{area}.get({json.dumps(key)}))[{json.dumps(key)}]"
    )


def storage_set(worker, area, values):
    worker.evaluate(f"async () => chrome.storage.{area}.set({json.dumps(values)})")


def wait_until_seen(worker, order_ids):
    """Until Shipguard has stored what it saw of these orders (it batches its writes)."""
    worker.evaluate(
        """async (ids) => {
            for (let i = 0; i < 100; i++) {
                const { seenOrders = {} } = await chrome.storage.local.get("seenOrders");
                if (ids.every((id) => id in seenOrders)) return;
                await new Promise((r) => setTimeout(r, 100));
            }
            throw new Error("these orders were never stored as seen: " + ids);
        }""",
        list(order_ids),
    )
