"""`shipguard build` (the command) writes the extension and takes the stores' listing
screenshots from the demo, at their size."""

import os
import struct
import subprocess
import sys

from shipguard.commands.store_files import SCREENSHOT_SIZE


def png_size(path):
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_build_writes_listing_screenshots_at_the_stores_size(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "shipguard.cli", "build", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "chrome" / "bundle.json").is_file()
    folder = tmp_path / "store" / "screenshots"
    assert f"Store screenshots (7) in {folder}" in result.stdout
    shots = sorted(p.name for p in folder.iterdir())
    assert {
        "remedies-panel.png",
        "orders-list-us.png",
        "orders-list-de.png",
        "orders-list-jp.png",
    } <= set(shots)
    for name in shots:
        assert png_size(folder / name) == SCREENSHOT_SIZE, name
        # A real page, not a blank frame: a 1280x800 PNG of one colour is a few KB.
        assert (folder / name).stat().st_size > 50_000, name
    for sheet in ("chrome-web-store.md", "firefox-add-ons.md", "privacy-policy.html"):
        assert (tmp_path / "store" / sheet).is_file()
