"""`shipguard lint` wall time: one file, and 100 files in one run, beside the bare start of
the same Python (the floor no command can go below)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shipguard.commands.server_process import serve_command

from .report import Figure
from .stats import num, summarise

ONE_FILE_TARGET_S = 0.25
HUNDRED_TARGET_S = 1.0
FILES = 100
S9 = "9. shipguard lint (wall time, process start included)"


def message_texts(count: int) -> list[tuple[str, str]]:
    """(locale, text) of `count` messages: the templates in every language, examples filled."""
    from shipguard.bundle.datastore import load_data
    from shipguard.buyer_messages.render import render_message

    rendered = []
    data = load_data()
    for template in data.templates:
        examples = {name: spec["example"] for name, spec in template["placeholders"].items()}
        for locale in sorted(template["locales"]):
            body = render_message(template, locale, examples, data.date_formats)["body"]
            rendered.append((locale, body))
    return [rendered[n % len(rendered)] for n in range(count)]


def _timed(command, env=None) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False, timeout=120, env=env)
    return time.perf_counter() - started


def measure_lint(reps: int = 5) -> dict:
    """{python, one, hundred: [seconds, ...], first: seconds}, the three interleaved per
    repetition, after a first run with an empty cache folder of its own (`first`): it
    validates the data, as a user's first run after the data changed does, and every
    later run finds it validated."""
    lint = [*serve_command(), "lint"]
    with tempfile.TemporaryDirectory(prefix="shipguard-lint-") as tmp:
        folder = Path(tmp) / "messages"
        folder.mkdir()
        for n, (locale, text) in enumerate(message_texts(FILES)):
            (folder / f"{n:03d}-{locale}.txt").write_text(text, encoding="utf-8")
        one = str(next(folder.glob("*-en-US.txt")))
        env = {key: value for key, value in os.environ.items() if key != "SHIPGUARD_DATA_DIR"}
        env["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        times = {"python": [], "one": [], "hundred": []}
        times["first"] = _timed([*lint, one, "--locale", "en-US"], env)
        for _ in range(reps):
            times["python"].append(_timed([sys.executable, "-c", "pass"]))
            times["one"].append(_timed([*lint, one, "--locale", "en-US"], env))
            times["hundred"].append(_timed([*lint, str(folder), "--marketplace", "US"], env))
    return times


def lint_figures(times: dict) -> list[Figure]:
    python = summarise(times["python"])
    one, hundred = summarise(times["one"]), summarise(times["hundred"])
    return [
        Figure(
            S9,
            "one file (`shipguard lint FILE --locale en-US`)",
            f"{num(one.median, 3)} s",
            f"bare Python start {num(python.median, 3)} s",
            f"<= {ONE_FILE_TARGET_S:g} s",
            one.median <= ONE_FILE_TARGET_S,
            f"{one.spread(3)}; first run (data not yet validated on this machine) "
            f"{num(times['first'], 2)} s",
        ),
        Figure(
            S9,
            f"{FILES} files in one run (`shipguard lint DIR --marketplace US`)",
            f"{num(hundred.median, 3)} s",
            f"{FILES} runs of one file would take about {num(FILES * one.median, 1)} s",
            f"<= {HUNDRED_TARGET_S:g} s",
            hundred.median <= HUNDRED_TARGET_S,
            hundred.spread(3),
        ),
    ]
