"""Launching Chromium with the built Shipguard extension, and reaching into its storage."""
import json
import os
import shutil
from pathlib import Path

BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
]


def chromium_executable():
    """$CHROMIUM, else Debian's chromium, else None (Playwright's own browser)."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def launch_with_extension(playwright, extension_dir, profile_dir, **options):
    args = BROWSER_ARGS + [
        f"--disable-extensions-except={extension_dir}",
        f"--load-extension={extension_dir}",
    ]
    return playwright.chromium.launch_persistent_context(
        str(profile_dir), executable_path=chromium_executable(), headless=True, args=args, **options
    )


def service_worker(context, timeout=10_000):
    workers = context.service_workers
    return workers[0] if workers else context.wait_for_event("serviceworker", timeout=timeout)


def storage_get(worker, area, key):
    return worker.evaluate(f"async () => (await chrome.storage.{area}.get({json.dumps(key)}))[{json.dumps(key)}]")


def storage_set(worker, area, values):
    worker.evaluate(f"async () => chrome.storage.{area}.set({json.dumps(values)})")
