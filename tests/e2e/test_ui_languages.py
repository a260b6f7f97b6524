"""The extension's UI follows the browser's language: options page, badges and the remedies
panel in every shipped locale, with no English left in the panel."""

import json
import re
from pathlib import Path

import pytest
from browser import launch_with_extension, service_worker
from sellercentral import ORIGIN, install_routes

ROOT = Path(__file__).resolve().parents[2]
LOCALES_DIR = ROOT / "extension" / "_locales"
LOCALES = sorted(p.name for p in LOCALES_DIR.iterdir() if p.name != "en")
RULES = json.loads((ROOT / "server" / "shipguard" / "data" / "rules.json").read_text("utf-8"))


def messages(locale):
    return json.loads((LOCALES_DIR / locale / "messages.json").read_text(encoding="utf-8"))


def pattern(message):
    """A message as a regex: each $1, $2... stands for any text."""
    return "^" + re.sub(r"\\\$[1-9]", ".+", re.escape(message)) + "$"


def bundle_titles(language):
    """Section headings and remedy titles as the panel should show them in a language."""
    return {
        **{f"group:{g['id']}": g["title"][language] for g in RULES["groups"]},
        **{r["id"]: r["title"][language] for r in RULES["remedies"]},
    }


@pytest.mark.parametrize("locale", LOCALES)
def test_ui_speaks_the_browsers_language(playwright, extension_dir, tmp_path, pages, locale):
    texts = messages(locale)
    language = locale.replace("_", "-")
    context = launch_with_extension(playwright, extension_dir, tmp_path / "profile", lang=language)
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
        assert re.match(pattern(texts["badgeLate"]["message"]), badge), badge

        late.click()
        panel = late.locator(".panel")
        panel.wait_for(state="visible")
        expected = bundle_titles(language)
        english = bundle_titles("en")
        legends = panel.locator("legend").all_inner_texts()
        assert legends and all(text in expected.values() for text in legends), legends
        buttons = panel.locator("[data-shipguard-action]").evaluate_all(
            "els => els.map(e => [e.dataset.shipguardAction, e.textContent])"
        )
        assert len(buttons) > 5
        for action, text in buttons:
            assert text == expected[action], f"{action}: {text!r}"
        shown = panel.inner_text()
        leaked = [t for k, t in english.items() if t in shown and t != expected[k]]
        assert leaked == [], f"English in the {locale} panel: {leaked}"
    finally:
        context.close()
