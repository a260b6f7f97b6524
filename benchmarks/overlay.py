"""Overlay latency, added script time, re-render and memory: one page visit per variant,
size and repetition, the variants interleaved so drift hits them alike.

Variants: "ext" (the built extension), "floor" (no extension; the page itself adds one
shadow-root host with one text per row: the bare DOM work), "bare" (no extension, no
floor: the page's own cost, the baseline for script time and memory) and "least" (the
reference overlay of benchmarks/least_overlay: the least a content script does per row,
so what the isolated world alone costs above the floor). At APP_SIZE rows
also "app-ext": the rows rendered as a framework would (harness.js APP mode) with the
extension, CPU-profiled, for Shipguard's share of a real app's script time: both sides
from the same samples, so a loaded machine slows them alike.
"""

from __future__ import annotations

from .pages import page_url
from .profile import hot_spots, profiled

VARIANTS = ("ext", "floor", "bare", "least")
APP_VARIANTS = ("app-ext",)
APP_SIZE = 100
# Long enough for the extension's batched storage write (1 s after the first row) to land.
SCRIPT_SETTLE_MS = 1500
UNRELATED_CHANGES = 3


def run_overlay(browsers, sizes, reps, rerenders, log=print):
    """{size: {variant: [visit, ...]}} (see `visit`)."""
    raw = {size: {variant: [] for variant in _variants(size)} for size in sizes}
    for rep in range(reps):
        for size in sizes:
            for variant in _variants(size):
                raw[size][variant].append(visit(browsers, size, variant, rerenders))
            ext = raw[size]["ext"][-1]
            log(
                f"  overlay rep {rep + 1}/{reps}, {size} rows: first {ext['first']['domMs']:.1f} ms, "
                f"floor {raw[size]['floor'][-1]['first']['domMs']:.1f} ms"
            )
    return raw


def _variants(size):
    return VARIANTS + (APP_VARIANTS if size == APP_SIZE else ())


def visit(browsers, size, variant, rerenders):
    """Load the page, insert the rows, wait, re-render; what each step cost.

    {load_script, insert_script, visit_script: s of CDP ScriptDuration; first: the
    first insertion's {domMs, layoutMs, insertMs, hosts}; rerenders: [...] (no forced
    layout); heap: {...};
    unrelated: [busyMs, ...]; statuses: {status: count}}; for the app variant only
    {app: {ours, page}} (see _app_visit)
    """
    extension = variant in ("ext", "app-ext", "least")
    app = variant.startswith("app-")
    page = browsers.page(extension, least=variant == "least")
    try:
        page.open(page_url(size))
        before = page.metrics()["ScriptDuration"]
        expect = size if extension or variant == "floor" else 0
        floor = variant == "floor"
        if app:
            return {"app": _app_visit(page, expect)}
        first = _insert(page, "bench-rows-1", floor, expect)
        result = {"first": first, "load_script": before}
        if variant not in ("floor", "least"):  # the references are timed, nothing more
            page.wait(SCRIPT_SETTLE_MS)
            after = page.metrics()["ScriptDuration"]
            result.update(insert_script=after - before, visit_script=after, heap=page.heap())
            result["unrelated"] = [
                page.bench("touchUnrelated")["busyMs"] for _ in range(UNRELATED_CHANGES)
            ]
        if variant == "ext":
            result["statuses"] = page.bench("statuses")
        result["rerenders"] = [
            _insert(page, f"bench-rows-{2 - n % 2}", floor, expect, layout=False)
            for n in range(rerenders)
        ]
        return result
    finally:
        page.close()


def _app_visit(page, expect):
    """Rows rendered by the framework-style app, and the 1.5 s after (Shipguard's batched
    storage write included), in one CPU profile: {"ours", "page"} ms of samples with
    Shipguard's functions on the stack, and with the page's own scripts and not Shipguard's."""

    def rows_arrive():
        _insert(page, "bench-rows-1", False, expect, app=True)
        page.wait(SCRIPT_SETTLE_MS)

    found = hot_spots([profiled(page, rows_arrive)])
    return {"ours": found["ours"], "page": found["page"]}


def _insert(page, template, floor, expect, layout=True, app=False):
    options = {"floor": floor, "expect": expect, "layout": layout, "app": app}
    result = page.bench("insert", template, options)
    if result.get("timeout"):
        raise RuntimeError(f"only {result['hosts']} of {expect} badges appeared within 15 s")
    page.wait(50)  # let the insertion's own leftovers (timers, GC) pass before the next step
    return result
