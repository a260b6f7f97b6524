"""Where the overlay's time goes: V8 CPU profiles (CDP Profiler) of a 1,000-row page while
rows arrive, while the body is replaced and while an unrelated text changes, summed over
several page visits, as self and total time per function."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from .pages import page_url

SAMPLING_US = 100
IDLE = {"(idle)"}
PHASES = ("rows arrive", "body replaced", "unrelated change")


def run_profile(browsers, rows, reps, rerenders, log=print):
    """{phase: [profile, ...]} for PHASES."""
    profiles = {phase: [] for phase in PHASES}
    for rep in range(reps):
        page = browsers.page(True)
        try:
            page.open(page_url(rows))
            page.cdp.send("Profiler.enable")
            page.cdp.send("Profiler.setSamplingInterval", {"interval": SAMPLING_US})
            profiles["rows arrive"].append(
                _profiled(page, lambda page=page: _insert(page, "bench-rows-1", rows))
            )
            profiles["body replaced"].append(
                _profiled(
                    page,
                    lambda page=page: [
                        _insert(page, f"bench-rows-{2 - n % 2}", rows) for n in range(rerenders)
                    ],
                )
            )
            profiles["unrelated change"].append(
                _profiled(page, lambda page=page: [page.bench("touchUnrelated") for _ in range(3)])
            )
            page.cdp.send("Profiler.disable")
        finally:
            page.close()
        log(f"  profile rep {rep + 1}/{reps} done")
    return profiles


def _insert(page, template, rows):
    result = page.bench("insert", template, {"expect": rows, "layout": False})
    if result.get("timeout"):
        raise RuntimeError("badges did not appear while profiling")


def profiled(page, action):
    """The CPU profile (CDP Profiler, SAMPLING_US) of the tab while `action()` runs."""
    page.cdp.send("Profiler.enable")
    page.cdp.send("Profiler.setSamplingInterval", {"interval": SAMPLING_US})
    return _profiled(page, action)


def _profiled(page, action):
    page.cdp.send("Profiler.start")
    action()
    return page.cdp.send("Profiler.stop")["profile"]


def _where(url: str) -> str:
    if url.startswith("chrome-extension://"):
        return url.split("/", 3)[3]
    if url.startswith("https://"):
        return "(page)"
    return url or "(native)"


def _key(node):
    frame = node["callFrame"]
    name = frame["functionName"] or "(anonymous)"
    where = _where(frame["url"])
    line = frame["lineNumber"] + 1 if frame["url"] else 0
    return name, where, line


def _ours(key) -> bool:
    return key[1].startswith(("content/", "core/", "lib/"))


def hot_spots(profiles):
    """Time per function over the profiles, counting only samples with one of Shipguard's
    functions on the stack (so native DOM calls it makes count, the page's own work not).

    {"self", "total": ms by key; "callers": key -> caller key -> ms; "ours", "busy", "gc": ms;
    "page": ms in stacks of the page's own scripts without Shipguard in them}
    """
    found = {
        "self": Counter(),
        "total": Counter(),
        "callers": defaultdict(Counter),
        "ours": 0.0,
        "busy": 0.0,
        "gc": 0.0,
        "page": 0.0,
    }
    for profile in profiles:
        nodes = {n["id"]: n for n in profile["nodes"]}
        parent = {child: n["id"] for n in profile["nodes"] for child in n.get("children", [])}
        samples, deltas = profile.get("samples", []), profile.get("timeDeltas", [])
        own = Counter()
        for i, node_id in enumerate(samples):
            # A sample stands for the time until the next one.
            own[node_id] += (deltas[i + 1] if i + 1 < len(deltas) else 0) / 1000
        for node_id, ms in own.items():
            key = _key(nodes[node_id])
            if key[0] in IDLE:
                continue
            found["busy"] += ms
            found["gc"] += ms if key[0] == "(garbage collector)" else 0
            stack, current = [], node_id
            while current is not None:
                stack.append(_key(nodes[current]))
                current = parent.get(current)
            if not any(_ours(k) for k in stack):
                found["page"] += ms if any(k[1] == "(page)" for k in stack) else 0
                continue
            found["ours"] += ms
            found["self"][key] += ms
            if len(stack) > 1:
                found["callers"][key][stack[1]] += ms
            for ancestor in set(stack):
                found["total"][ancestor] += ms
    return found


def _label(key, callers=None):
    name, where, line = key
    label = f"{name} ({where}:{line})" if line else f"{name} ({where})"
    if callers and where == "(native)" and not name.startswith("(") and callers.get(key):
        caller = callers[key].most_common(1)[0][0]
        label += f" <- {caller[0]} ({caller[1]}:{caller[2]})"
    return label


def profile_lines(profiles, reps, top=12, markdown=False):
    """Per phase: the top functions by self time within Shipguard's stacks (native calls
    with their caller), and Shipguard's functions by total time."""
    lines = []
    for phase, runs in profiles.items():
        found = hot_spots(runs)
        ours = found["ours"] or float("nan")
        per = max(reps, 1)
        head = (
            f"{phase}: {found['ours'] / per:.1f} ms per visit in Shipguard's stacks "
            f"(of {found['busy'] / per:.1f} ms sampled busy, GC {found['gc'] / per:.1f} ms; {reps} visits)"
        )
        top_self = [(ms, _label(k, found["callers"])) for k, ms in found["self"].most_common(top)]
        top_total = [(ms, _label(k)) for k, ms in found["total"].most_common() if _ours(k)][:top]
        if markdown:
            lines += [
                f"#### {head}",
                "",
                "| self ms | % | function (file:line) |",
                "|---:|---:|---|",
            ]
            lines += [
                f"| {ms / per:.1f} | {100 * ms / ours:.1f} | `{label}` |" for ms, label in top_self
            ]
            lines += [
                "",
                "By total (inclusive) time:",
                "",
                "| total ms | % | function (file:line) |",
                "|---:|---:|---|",
            ]
            lines += [
                f"| {ms / per:.1f} | {100 * ms / ours:.1f} | `{label}` |" for ms, label in top_total
            ]
            lines.append("")
        else:
            lines += [f"-- {head}", "   self ms/visit      %  function (file:line)"]
            lines += [
                f"  {ms / per:10.1f} {100 * ms / ours:6.1f}  {label}" for ms, label in top_self
            ]
            lines += ["   total ms/visit      %  function (file:line)"]
            lines += [
                f"  {ms / per:10.1f} {100 * ms / ours:6.1f}  {label}" for ms, label in top_total
            ]
    return lines


def save_profiles(profiles, folder):
    """Write each profile as a .cpuprofile file (DevTools > Performance > Load profile)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for phase, runs in profiles.items():
        for n, profile in enumerate(runs, 1):
            name = f"{phase.replace(' ', '-')}-{n}.cpuprofile"
            (folder / name).write_text(json.dumps(profile), encoding="utf-8")
    return folder
