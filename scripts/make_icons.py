"""Render extension/icons/icon.svg to the PNG sizes the manifest lists, with Chromium."""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "server"))
from shipguard.demo.browser import chromium_executable  # noqa: E402  (the same browser the demo uses)

ICONS = ROOT / "extension" / "icons"
SIZES = (16, 32, 48, 128)


def render(svg_text, size, page):
    # The SVG is drawn at the target size (not downscaled from 128) so edges stay crisp.
    page.set_viewport_size({"width": size, "height": size})
    page.set_content(
        f"<style>html,body{{margin:0;background:transparent}} svg{{display:block;width:{size}px;height:{size}px}}</style>{svg_text}"
    )
    return page.screenshot(
        omit_background=True, clip={"x": 0, "y": 0, "width": size, "height": size}
    )


def main():
    svg_text = (ICONS / "icon.svg").read_text(encoding="utf-8")
    # 16 px gets its own drawing: the large one shrunk blurs the clock into the rim.
    small_svg = (ICONS / "icon-16.svg").read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable(), args=["--no-sandbox"]
        )
        page = browser.new_page(device_scale_factor=1)
        for size in SIZES:
            (ICONS / f"icon-{size}.png").write_bytes(
                render(small_svg if size == 16 else svg_text, size, page)
            )
            print(f"wrote extension/icons/icon-{size}.png")
        browser.close()


if __name__ == "__main__":
    main()
