"""The extension's UI follows the browser's language: options page and badges in every shipped locale."""

import json
import re
from pathlib import Path

import pytest
from browser import launch_with_extension, service_worker
from sellercentral import ORIGIN, install_routes

LOCALES_DIR = Path(__file__).resolve().parents[2] / "extension" / "_locales"
LOCALES = sorted(p.name for p in LOCALES_DIR.iterdir() if p.name != "en")


def messages(locale):
    return json.loads((LOCALES_DIR / locale / "messages.json").read_text(encoding="utf-8"))


def pattern(message):
    """A message as a regex: each $1, $2... stands for any text."""
    return "^" + re.sub(r"\\\$[1-9]", ".+", re.escape(message)) + "$"


@pytest.mark.parametrize("locale", LOCALES)
def test_ui_speaks_the_browsers_language(playwright, extension_dir, tmp_path, pages, locale):
    texts = messages(locale)
    context = launch_with_extension(playwright, extension_dir, tmp_path / "profile", lang=locale)
    try:
        install_routes(context, pages)
        extension_id = service_worker(context).url.split("/")[2]
        options = context.new_page()
        options.goto(f"chrome-extension://{extension_id}/options/options.html")
        assert options.locator("h1").inner_text() == texts["optionsTitle"]["message"]
        page = context.new_page()
        page.goto(ORIGIN + "/orders-v3/mfn/unshipped")
        late = page.locator('[data-shipguard-status="late"]').first
        late.wait_for(state="attached")
        badge = late.evaluate("h => h.shadowRoot.querySelector('.badge').textContent")
        assert re.match(pattern(texts["badgeLate"]["message"]), badge.split(" · ")[0]), badge
    finally:
        context.close()
