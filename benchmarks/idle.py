"""Steady state: CPU of an idle 100-row page over N seconds, with and without Shipguard,
both pages idling at the same time (so the run takes N seconds, not 2N)."""

from __future__ import annotations

from .pages import page_url
from .report import Figure
from .stats import num

IDLE_TARGET = 0.5  # % of one core
# The batched storage write and the first marks repaint are over by then, and the
# collections V8 runs some seconds after a page load (which would land in one page's
# window and not the other's) mostly too; a forced collection first helps as well.
SETTLE_MS = 6000
S4 = "4. Steady state (idle page, CPU of the page's renderer)"


def run_idle(browsers, rows, seconds, log=print):
    """{variant: {task, script, process: seconds used; writes: badge DOM writes}} over `seconds`."""
    pages = {"ext": browsers.page(True), "bare": browsers.page(False)}
    try:
        for variant, page in pages.items():
            page.open(page_url(rows))
            page.bench("insert", "bench-rows-1", {"expect": rows if variant == "ext" else 0})
        for page in pages.values():
            page.heap()
        pages["ext"].wait(SETTLE_MS)
        pages["ext"].bench("watchWrites")
        start = {variant: page.metrics() for variant, page in pages.items()}
        log(f"  idling {seconds:g} s with {rows} rows ...")
        pages["ext"].wait(seconds * 1000)
        end = {variant: page.metrics() for variant, page in pages.items()}
        result = {}
        for variant in pages:
            elapsed = end[variant]["Timestamp"] - start[variant]["Timestamp"]
            result[variant] = {
                key: sum(end[variant][m] - start[variant][m] for m in metrics) / elapsed
                for key, metrics in (
                    ("task", ["TaskDuration"]),
                    ("script", ["ScriptDuration"]),
                    ("render", ["LayoutDuration", "RecalcStyleDuration"]),
                    ("process", ["ProcessTime"]),
                )
            }
            result[variant]["layouts"] = end[variant]["LayoutCount"] - start[variant]["LayoutCount"]
            result[variant]["seconds"] = elapsed
        result["ext"]["writes"] = pages["ext"].bench("writes")
        return result
    finally:
        for page in pages.values():
            page.close()


def idle_figures(result, rows):
    ext, bare = result["ext"], result["bare"]
    added = 100 * (ext["task"] - bare["task"])
    seconds = ext["seconds"]
    return [
        Figure(
            S4,
            f"{rows} rows, {seconds:.0f} s: main-thread time Shipguard adds",
            f"{num(added, 3)} % of a core",
            f"page without Shipguard {num(100 * bare['task'], 3)} %",
            f"< {IDLE_TARGET:g} %",
            added < IDLE_TARGET,
        ),
        Figure(
            S4,
            "of which script (ScriptDuration)",
            f"{num(100 * (ext['script'] - bare['script']), 3)} % of a core",
            f"without {num(100 * bare['script'], 3)} %",
        ),
        Figure(
            S4,
            "of which style and layout",
            f"{num(100 * (ext['render'] - bare['render']), 3)} % of a core, {ext['layouts']:g} layouts",
            f"without {num(100 * bare['render'], 3)} %, {bare['layouts']:g} layouts",
        ),
        Figure(
            S4,
            "whole renderer process (ProcessTime, 10 ms resolution)",
            f"{num(100 * ext['process'], 2)} % of a core",
            f"without {num(100 * bare['process'], 2)} %",
        ),
        Figure(
            S4,
            "writes to the badges while idle (DOM mutations)",
            f"{ext['writes']} in {seconds:.0f} s for {rows} badges",
        ),
    ]
