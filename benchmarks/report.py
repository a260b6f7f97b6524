"""The benchmark's figures: each with its baseline and target, printed as a table and
written into docs/performance.md."""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "performance.md"
PROFILE_BEFORE = Path(__file__).with_name("profile_before.md")
MET, NOT_MET = "MET", "NOT MET"


@dataclass
class Figure:
    """One line of the report. `met` is None for figures without a target."""

    section: str
    name: str
    value: str
    baseline: str = ""
    target: str = ""
    met: bool | None = None
    spread: str = ""

    @property
    def verdict(self) -> str:
        return "" if self.met is None else (MET if self.met else NOT_MET)


def print_figures(figures: list[Figure], stream=sys.stdout) -> None:
    section = None
    for f in figures:
        if f.section != section:
            section = f.section
            print(f"\n== {section}", file=stream)
        print(f"  {f.name}: {f.value}", file=stream)
        details = [
            part
            for part in (
                f"baseline {f.baseline}" if f.baseline else "",
                f"spread {f.spread}" if f.spread else "",
                f"target {f.target}" if f.target else "",
            )
            if part
        ]
        if details:
            print(
                f"      {'; '.join(details)}" + (f"  -> {f.verdict}" if f.verdict else ""),
                file=stream,
            )
    stream.flush()


def print_verdicts(figures: list[Figure], stream=sys.stdout) -> None:
    judged = [f for f in figures if f.met is not None]
    met = [f for f in judged if f.met]
    print(f"\nTargets: {len(met)} of {len(judged)} met", file=stream)
    for f in judged:
        print(
            f"  [{f.verdict:>7}] {f.section}: {f.name} = {f.value} (target {f.target})", file=stream
        )


def load_average() -> str:
    """The 1-minute load average: other work on the machine skews every figure."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "unknown"


def machine(chromium_version: str | None, load_before: str = "") -> dict[str, str]:
    """The details a reader needs to compare figures between machines."""
    return {
        "load average (1 min) before / after": f"{load_before or 'unknown'} / {load_average()}",
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "memory": _memory(),
        "OS": _os_name(),
        "Chromium": chromium_version or "not run",
        "Python": platform.python_version(),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return platform.platform()


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def write_docs(figures, details, hot_spots, command, notes=(), path: Path = DOCS) -> Path:
    """Write docs/performance.md: how to run, the machine, every figure, the profile."""
    from .methods import METHODS  # the prose lives beside the numbers' code

    lines = [
        "# Performance",
        "",
        "Written by `python -m benchmarks --write-docs`; edit `benchmarks/methods.py` for the prose, "
        "not this file.",
        "",
        "## Run it",
        "",
        "```sh",
        ".venv/bin/python -m benchmarks            # everything, about 10 minutes on 2 cores",
        ".venv/bin/python -m benchmarks --quick    # fewer repetitions, 10 s idle, short server runs",
        ".venv/bin/python -m benchmarks --only overlay,profile --sizes 1000",
        "```",
        "",
        f"These figures came from `{command}`.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {key} | {_cell(value)} |" for key, value in details.items()],
        "",
        *[f"**{note}**\n" for note in notes],
        "## Results",
        "",
        "| section | figure | Shipguard | baseline | target | verdict | spread |",
        "|---|---|---|---|---|---|---|",
        *[
            f"| {_cell(f.section)} | {_cell(f.name)} | {_cell(f.value)} | {_cell(f.baseline)} | {_cell(f.target)} "
            f"| {f.verdict} | {_cell(f.spread)} |"
            for f in figures
        ],
        "",
    ]
    judged = [f for f in figures if f.met is not None]
    lines += [f"{sum(f.met for f in judged)} of {len(judged)} targets met.", ""]
    if hot_spots:
        lines += ["## Profile", "", "### After: this run", "", *hot_spots, ""]
        before = PROFILE_BEFORE.read_text(encoding="utf-8").rstrip("\n")
        lines += ["### Before", "", before, ""]
    lines += ["## How each figure is measured", "", *METHODS, ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
