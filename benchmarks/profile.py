"""Where the overlay's time goes: V8 CPU profiles (CDP Profiler) of a 1,000-row page while
rows arrive, while the body is replaced and while an unrelated text changes, summed over
several page visits, as self and total time per function."""
from __future__ import annotations

from collections import Counter

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
            profiles["rows arrive"].append(_profiled(page, lambda: _insert(page, "bench-rows-1", rows)))
            profiles["body replaced"].append(_profiled(page, lambda: [
                _insert(page, f"bench-rows-{2 - n % 2}", rows) for n in range(rerenders)]))
            profiles["unrelated change"].append(_profiled(page, lambda: [
                page.bench("touchUnrelated") for _ in range(3)]))
            page.cdp.send("Profiler.disable")
        finally:
            page.close()
        log(f"  profile rep {rep + 1}/{reps} done")
    return profiles


def _insert(page, template, rows):
    result = page.bench("insert", template, {"expect": rows})
    if result.get("timeout"):
        raise RuntimeError("badges did not appear while profiling")


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


def hot_spots(profiles):
    """(self ms by key, total ms by key, busy ms) summed over the profiles."""
    self_ms, total_ms, busy = Counter(), Counter(), 0.0
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
            busy += ms
            self_ms[key] += ms
            seen, current = set(), node_id
            while current is not None:
                ancestor = _key(nodes[current])
                if ancestor not in seen:
                    total_ms[ancestor] += ms
                    seen.add(ancestor)
                current = parent.get(current)
    return self_ms, total_ms, busy


def _label(key):
    name, where, line = key
    return f"{name} ({where}:{line})" if line else f"{name} ({where})"


def profile_lines(profiles, reps, top=12, markdown=False):
    """Per phase: the top functions by self time, and the extension's by total time."""
    lines = []
    for phase, runs in profiles.items():
        self_ms, total_ms, busy = hot_spots(runs)
        ours = [(k, ms) for k, ms in total_ms.most_common() if k[1].startswith(("content/", "core/", "lib/"))]
        head = f"{phase}: {busy / max(reps, 1):.1f} ms busy per visit (sum of {reps} visits: {busy:.0f} ms)"
        if markdown:
            lines += [f"### {head}", "", "| self ms | % | function (file:line) |", "|---:|---:|---|"]
            lines += [f"| {ms:.1f} | {100 * ms / busy:.1f} | `{_label(k)}` |" for k, ms in self_ms.most_common(top)]
            lines += ["", "Shipguard's functions by total (inclusive) time:", "",
                      "| total ms | % | function (file:line) |", "|---:|---:|---|"]
            lines += [f"| {ms:.1f} | {100 * ms / busy:.1f} | `{_label(k)}` |" for k, ms in ours[:top]]
            lines.append("")
        else:
            lines += [f"-- {head}", "   self ms      %  function (file:line)"]
            lines += [f"  {ms:8.1f} {100 * ms / busy:6.1f}  {_label(k)}" for k, ms in self_ms.most_common(top)]
            lines += ["   Shipguard's functions by total (inclusive) time:"]
            lines += [f"  {ms:8.1f} {100 * ms / busy:6.1f}  {_label(k)}" for k, ms in ours[:top]]
    return lines
