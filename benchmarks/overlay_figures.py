"""Figures 1, 2, 3 and 5 (latency, script time, re-render, memory) from run_overlay's visits."""

from __future__ import annotations

from .report import Figure
from .stats import num, ratio, summarise

LATENCY_TARGET = 2.0  # x the floor
SHARE_TARGET = 0.10  # of the page's own script time, 100 rows
FLAT_TARGET = 1.5  # marginal cost per row 100->1000 at most this x the 15->100 one
HEAP_TARGET_MB = 5.0  # at 1,000 rows
MB = 1024 * 1024

S1 = "1. Overlay latency (rows inserted -> every badge in the DOM)"
S2 = "2. Script time Shipguard adds (CDP ScriptDuration, with minus without)"
S3 = "3. Re-render (table body replaced, like pagination)"
S5 = "5. Memory (page isolate heap after GC, with minus without)"


def _ms(visits, step="first", key="domMs"):
    return summarise(v[step][key] for v in visits)


def _rerender(visits, key="domMs"):
    return summarise(r[key] for v in visits for r in v.get("rerenders", []))


def _least_figure(section, what, least, floor):
    """The reference overlay's figure: what the isolated world alone costs above the floor,
    a bound no reading inside a content script goes below."""
    return Figure(
        section,
        f"{what}, the least a content script does (reference overlay)",
        f"{num(least.median)} ms ({num(ratio(least.median, floor.median))}x floor)",
        f"floor {num(floor.median)} ms",
        spread=least.spread(),
    )


def latency_figures(raw):
    figures = []
    for size, runs in raw.items():
        ext, floor = _ms(runs["ext"]), _ms(runs["floor"])
        factor = ratio(ext.median, floor.median)
        figures.append(
            Figure(
                S1,
                f"{size} rows",
                f"{num(ext.median)} ms ({num(factor)}x floor)",
                f"floor {num(floor.median)} ms, spread {floor.spread()}",
                f"<= {LATENCY_TARGET:g}x floor",
                factor <= LATENCY_TARGET,
                ext.spread(),
            )
        )
    figures += [
        _least_figure(S1, f"{size} rows", _ms(runs["least"]), _ms(runs["floor"]))
        for size, runs in raw.items()
        if runs.get("least")
    ]
    for size, runs in raw.items():
        ext, floor = _ms(runs["ext"], key="layoutMs"), _ms(runs["floor"], key="layoutMs")
        figures.append(
            Figure(
                S1,
                f"{size} rows, until style and layout are done too",
                f"{num(ext.median)} ms",
                f"floor {num(floor.median)} ms",
                spread=ext.spread(0),
            )
        )
    per_row = ", ".join(
        f"{size}: {num(1000 * _ms(runs['ext']).median / size)} us" for size, runs in raw.items()
    )
    figures.append(Figure(S1, "latency per row", per_row))
    size = max(raw)
    statuses = next((v["statuses"] for v in raw[size]["ext"] if "statuses" in v), None)
    if statuses:
        shown = ", ".join(f"{k} {n}" for k, n in sorted(statuses.items()))
        figures.append(Figure(S1, "badges by status", f"{shown} (page of {size} rows)"))
    return figures


def _added(runs, key):
    """Median of ext visits minus median of bare visits, in ms."""
    ext = summarise(1000 * v[key] for v in runs["ext"])
    bare = summarise(1000 * v[key] for v in runs["bare"])
    return ext.median - bare.median, ext, bare


def script_figures(raw):
    figures = []
    first = next(iter(raw.values()))
    start, _, bare_load = _added(first, "load_script")
    figures.append(
        Figure(
            S2,
            "start-up (page load, before any row)",
            f"{num(start)} ms",
            f"page's own load scripts {num(bare_load.median)} ms",
        )
    )
    added = {}
    for size, runs in raw.items():
        extra, ext, bare = _added(runs, "insert_script")
        added[size] = extra
        figures.append(
            Figure(
                S2,
                f"{size} rows arrive (and 1.5 s after)",
                f"{num(extra)} ms = {num(1000 * extra / size)} us/row",
                f"page's own {num(bare.median)} ms",
                spread=f"with extension {ext.spread()}",
            )
        )
    if 100 in raw:
        extra, _, bare = _added(raw[100], "visit_script")
        figures.append(
            Figure(
                S2,
                "100-row page visit (load + rows), rows cloned from a template",
                f"{num(100 * ratio(extra, bare.median))} % of the page's own script time",
                f"the page's own {num(bare.median)} ms (a clone and an insert), Shipguard {num(extra)} ms",
            )
        )
    if "app-ext" in raw.get(100, {}):
        visits = raw[100]["app-ext"]
        ours = summarise(v["app"]["ours"] for v in visits)
        app = summarise(v["app"]["page"] for v in visits)
        shares = summarise(v["app"]["ours"] / v["app"]["page"] for v in visits)
        figures.append(
            Figure(
                S2,
                "100-row visit of the Seller Central-like app (rows rendered and 1.5 s after), "
                "Shipguard's share of the app's script time (one CPU profile per visit)",
                f"{num(100 * shares.median)} %",
                f"the app's own {num(app.median)} ms (rows rendered framework-style), "
                f"Shipguard {num(ours.median)} ms, in the same samples",
                f"<= {100 * SHARE_TARGET:g} %",
                shares.median <= SHARE_TARGET,
                f"{num(100 * shares.low)}-{num(100 * shares.high)} %, n={shares.count}",
            )
        )
    sizes = sorted(added)
    if len(sizes) >= 3:
        a, b, c = sizes[0], sizes[1], sizes[-1]
        low = (added[b] - added[a]) / (b - a)
        high = (added[c] - added[b]) / (c - b)
        growth = ratio(high, low)
        figures.append(
            Figure(
                S2,
                f"marginal script cost per row, {a}->{b} vs {b}->{c}",
                f"{num(1000 * low)} us -> {num(1000 * high)} us ({num(growth, 2)}x)",
                "",
                f"flat (<= {FLAT_TARGET:g}x)",
                # A cost per row that falls from 15 to 100 rows is noise or warm-up, not
                # flatness: the ratio then says nothing, and nothing is claimed from it.
                low > 0 and growth <= FLAT_TARGET,
            )
        )
    return figures


def rerender_figures(raw):
    figures = []
    for size, runs in raw.items():
        ext, floor = _rerender(runs["ext"]), _rerender(runs["floor"])
        factor = ratio(ext.median, floor.median)
        figures.append(
            Figure(
                S3,
                f"{size} rows replaced",
                f"{num(ext.median)} ms ({num(factor)}x floor)",
                f"floor {num(floor.median)} ms, spread {floor.spread()}",
                f"<= {LATENCY_TARGET:g}x floor",
                factor <= LATENCY_TARGET,
                ext.spread(),
            )
        )
    for size, runs in raw.items():
        # The first replacement of a visit shows orders the tab has not seen; the later ones
        # alternate between the two pages, whose readings Shipguard remembers.
        for label, visits in (("new orders", slice(0, 1)), ("orders shown before", slice(1, None))):
            ext = summarise(r["domMs"] for v in runs["ext"] for r in v["rerenders"][visits])
            floor = summarise(r["domMs"] for v in runs["floor"] for r in v["rerenders"][visits])
            if ext.count and floor.count:
                figures.append(
                    Figure(
                        S3,
                        f"{size} rows replaced, {label} only",
                        f"{num(ext.median)} ms ({num(ratio(ext.median, floor.median))}x floor)",
                        f"floor {num(floor.median)} ms",
                        spread=ext.spread(),
                    )
                )
    figures += [
        _least_figure(
            S3, f"{size} rows replaced", _rerender(runs["least"]), _rerender(runs["floor"])
        )
        for size, runs in raw.items()
        if runs.get("least")
    ]
    for size, runs in raw.items():
        ext, floor, bare = (
            _rerender(runs[variant], "insertMs") for variant in ("ext", "floor", "bare")
        )
        figures.append(
            Figure(
                S3,
                f"{size} rows: the page's own replaceChildren, old rows with badges",
                f"{num(ext.median)} ms",
                f"with floor hosts {num(floor.median)} ms, no overlay {num(bare.median)} ms",
                spread=ext.spread(),
            )
        )
    for size, runs in raw.items():
        ext = summarise(ms for v in runs["ext"] for ms in v["unrelated"])
        bare = summarise(ms for v in runs["bare"] for ms in v["unrelated"])
        figures.append(
            Figure(
                S3,
                f"{size} rows, one text changed outside the table: observers busy",
                f"{num(ext.median, 2)} ms",
                f"without Shipguard {num(bare.median, 2)} ms",
                spread=ext.spread(2),
            )
        )
    return figures


def _heap_added(runs):
    ext = summarise(v["heap"]["used"] for v in runs["ext"])
    bare = summarise(v["heap"]["used"] for v in runs["bare"])
    return (ext.median - bare.median) / MB, ext, bare


def memory_figures(raw):
    figures = []
    for size, runs in raw.items():
        extra, ext, bare = _heap_added(runs)
        judged = size == 1000
        figures.append(
            Figure(
                S5,
                f"{size} rows: JS heap Shipguard adds",
                f"{num(extra, 3)} MB",
                f"page without Shipguard {num(bare.median / MB, 2)} MB",
                f"< {HEAP_TARGET_MB:g} MB" if judged else "",
                extra < HEAP_TARGET_MB if judged else None,
                f"with Shipguard {num(ext.low / MB, 2)}-{num(ext.high / MB, 2)} MB",
            )
        )
        nodes = (
            summarise(v["heap"]["nodes"] for v in runs["ext"]).median
            - summarise(v["heap"]["nodes"] for v in runs["bare"]).median
        )
        listeners = (
            summarise(v["heap"]["listeners"] for v in runs["ext"]).median
            - summarise(v["heap"]["listeners"] for v in runs["bare"]).median
        )
        embedder = (
            summarise(v["heap"]["embedder"] for v in runs["ext"]).median
            - summarise(v["heap"]["embedder"] for v in runs["bare"]).median
        ) / MB
        figures.append(
            Figure(
                S5,
                f"{size} rows: DOM nodes, JS listeners, Blink heap Shipguard adds",
                f"+{num(nodes, 0)} nodes, +{num(listeners, 0)} listeners, {num(embedder, 2)} MB",
            )
        )
    sizes = sorted(raw)
    if len(sizes) >= 2:
        low, high = sizes[0], sizes[-1]
        fixed, most = _heap_added(raw[low])[0], _heap_added(raw[high])[0]
        per_row = (most - fixed) * MB / 1024 / (high - low)
        figures.append(
            Figure(
                S5,
                "JS heap: fixed part and per row",
                f"{num(fixed - per_row * low / 1024, 2)} MB + {num(per_row, 2)} KB per row",
            )
        )
    return figures


def overlay_figures(raw):
    return latency_figures(raw) + script_figures(raw) + rerender_figures(raw) + memory_figures(raw)
