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
