"""`shipguard demo --out DIR` headless: real screenshots of badges, the remedies panel, the popup and the options page."""

import base64
import os
import queue
import re
import shutil
import signal
import struct
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from browser import chromium_executable
from shipguard.demo.routes import install_routes
from shipguard.demo.run import VIEWPORT, list_pages

SCREENSHOTS = ["orders-list-us.png", "remedies-panel.png", "popup.png", "options.png"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "shots"
    # No display: the demo must take the screenshot path even on a desktop.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SHIPGUARD_DATA_DIR")
    }
    result = subprocess.run(
        [sys.executable, "-m", "shipguard.cli", "demo", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stdout


def png_size(path):
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_demo_writes_the_screenshots_and_says_where(demo):
    out, stdout = demo
    assert str(out) in stdout
    for name in SCREENSHOTS:
        path = out / name
        assert path.is_file(), f"{name} missing; demo said:\n{stdout}"
        width, height = png_size(path)
        assert width >= 300 and height >= 200, name
        # A blank page compresses to a few KB; a page with text and badges cannot.
        assert 15_000 < path.stat().st_size < 400_000, f"{name}: {path.stat().st_size} bytes"


def test_demo_shows_every_status_in_several_marketplaces(demo):
    out, stdout = demo
    listed = [label for label, _, _ in list_pages()]
    assert len(listed) >= 2, "the demo needs list pages of more than one marketplace"
    for label in listed:
        line = next(
            line for line in stdout.splitlines() if f"orders-list-{label.lower()}.png" in line
        )
        assert "late" in line and "due-soon" in line and "on-track" in line, line
        assert (out / f"orders-list-{label.lower()}.png").is_file()


def differing_pixels(page, first, second):
    """Share of pixels that differ between two same-sized PNGs, compared in a canvas."""
    urls = [
        f"data:image/png;base64,{base64.b64encode(p.read_bytes()).decode()}"
        for p in (first, second)
    ]
    return page.evaluate(
        """async (urls) => {
            const pixels = [];
            for (const url of urls) {
                const img = new Image(); img.src = url; await img.decode();
                const canvas = new OffscreenCanvas(img.width, img.height);
                const ctx = canvas.getContext('2d'); ctx.drawImage(img, 0, 0);
                pixels.push(ctx.getImageData(0, 0, img.width, img.height).data);
            }
            if (pixels[0].length !== pixels[1].length) return 1;
            let diff = 0;
            for (let i = 0; i < pixels[0].length; i += 4) {
                if (Math.abs(pixels[0][i] - pixels[1][i]) + Math.abs(pixels[0][i + 1] - pixels[1][i + 1]) > 30) diff++;
            }
            return diff / (pixels[0].length / 4);
        }""",
        urls,
    )


def test_list_screenshot_shows_more_than_the_plain_page(demo, playwright, tmp_path):
    out, _ = demo
    label, url, _ = list_pages()[0]
    browser = playwright.chromium.launch(
        executable_path=chromium_executable(), args=["--no-sandbox"]
    )
    try:
        context = browser.new_context(viewport=VIEWPORT)
        install_routes(context, {url: "orders-list-unshipped.html"})
        page = context.new_page()
        page.goto(url)
        plain = tmp_path / "plain.png"
        page.screenshot(path=plain)
        share = differing_pixels(page, plain, out / f"orders-list-{label.lower()}.png")
    finally:
        browser.close()
    # The badges (and only a few pixels of anything else) tell the two apart.
    assert share > 0.002, f"only {share:.4%} of the pixels differ from the page without Shipguard"


def test_readme_screenshots_exist_and_stay_small():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    linked = re.findall(r"\((docs/screenshots/[^)\s]+\.png)\)", readme)
    assert linked, "the README shows no screenshots"
    for link in linked:
        path = Path(__file__).resolve().parents[2] / link
        assert path.is_file(), f"README links {link}: run `shipguard demo --out docs/screenshots`"
        assert path.stat().st_size < 150_000, (
            f"{link} is {path.stat().st_size} bytes; keep README images small"
        )


@pytest.fixture
def virtual_display():
    """A private X display (Xvfb) for the demo's window; this machine's own screen without it."""
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        assert os.environ.get("DISPLAY") or sys.platform in ("darwin", "win32"), (
            "no screen and no Xvfb for the demo's window: `make browser` installs Xvfb on Debian"
        )
        yield os.environ.get("DISPLAY", "")
        return
    server = subprocess.Popen(
        [xvfb, "-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    yield f":{server.stdout.readline().strip()}"
    server.terminate()
    server.wait(timeout=10)
    server.stdout.close()


def test_demo_window_opens_every_marketplace_and_ends_on_ctrl_c(virtual_display):
    env = {**os.environ, "DISPLAY": virtual_display}
    env.pop("SHIPGUARD_DATA_DIR", None)
    demo = subprocess.Popen(
        [sys.executable, "-m", "shipguard.cli", "demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its server and browser share its group: a failure kills them all
    )
    lines = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in demo.stdout], daemon=True)
    reader.start()
    said = []
    try:
        while not any("Close the browser window" in line for line in said):
            said.append(lines.get(timeout=120))
        demo.send_signal(signal.SIGINT)
        assert demo.wait(timeout=60) == 0, "".join(said)
    finally:
        if demo.poll() is None:
            os.killpg(demo.pid, signal.SIGKILL)
            demo.wait()
        reader.join(timeout=10)  # it stops at the end of the output; then the pipe can close
        demo.stdout.close()
    opened = next(line for line in said if line.startswith("Open: "))
    for label, _, _ in list_pages():
        assert label in opened, opened
