"""Chromium with the built extension loaded: the one launch recipe the demo and the browser tests share."""

import os
import shutil
from pathlib import Path

BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # Without these the browser keeps trying to reach Google's services.
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


def launch_with_extension(
    playwright, extension_dir, profile_dir, headless=True, lang=None, **options
):
    """A persistent context (the only kind that runs extensions) with `extension_dir` loaded.

    `lang` ("de", "ja"...) sets the browser's UI language, which picks the extension's _locales.
    """
    args = (
        BROWSER_ARGS
        + [
            f"--disable-extensions-except={extension_dir}",
            f"--load-extension={extension_dir}",
        ]
        # Chrome takes "zh-CN"; the extension's folder is zh_CN, and either may be typed.
        + ([f"--lang={lang.replace('_', '-')}"] if lang else [])
    )
    return playwright.chromium.launch_persistent_context(
        str(profile_dir),
        executable_path=chromium_executable(),
        headless=headless,
        args=args,
        **options,
    )


def service_worker(context, timeout=10_000):
    """The extension's service worker; it may start a moment after the context."""
    workers = context.service_workers
    return workers[0] if workers else context.wait_for_event("serviceworker", timeout=timeout)
