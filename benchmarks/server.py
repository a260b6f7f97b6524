"""The server: requests/s and latency of the bundle (200, 304) and lint (render where the
server has no lint) on the production server, against a static file server of the same
bundle bytes in the same run; and how long `shipguard serve` takes to answer /healthz."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from shipguard.commands.server_process import running_server

from .load import build_requests, probe, read_response
from .report import Figure
from .stats import num, percentile, ratio, summarise
from .wrk import CLIENTS, wrk_available, wrk_figures, wrk_runs

LOAD_CLIENTS = 8  # = the server's worker threads
WARMUP_S = 0.5
THROUGHPUT_TARGET = 0.8  # 304 at least 0.8x the static server's requests/s
ROUNDS = 3  # throughput runs per server and kind, the two servers taking turns
P99_TARGET_MS = 10.0
START_TARGET_S = 1.0
S6 = "6. Server (loopback; keep-alive HTTP/1.1 clients)"
S7 = "7. Sizes and start-up"


async def _client(address, payload, expected, until, record, counts):
    reader = writer = None
    while time.monotonic() < until:
        if writer is None:
            reader, writer = await asyncio.open_connection(*address)
            counts["connections"] += 1
        started = time.perf_counter()
        writer.write(payload)
        status, headers, _ = await asyncio.wait_for(read_response(reader), 10)
        if record():
            counts["latencies"].append(time.perf_counter() - started)
            counts["errors"] += status != expected
        if headers.get("connection", "").lower() == "close":
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def _drive(address, payload, expected, clients, seconds):
    counts = {"latencies": [], "errors": 0, "connections": 0}
    start = time.monotonic()
    measure_from = start + WARMUP_S
    until = measure_from + seconds
    await asyncio.gather(
        *(
            _client(
                address, payload, expected, until, lambda: time.monotonic() >= measure_from, counts
            )
            for _ in range(clients)
        )
    )
    latencies = counts["latencies"]
    return {
        "rps": len(latencies) / seconds,
        "p50": 1000 * percentile(latencies, 0.5),
        "p99": 1000 * percentile(latencies, 0.99),
        "count": len(latencies),
        "errors": counts["errors"],
        "connections": counts["connections"],
    }


def _median_run(runs):
    """The run with the median requests/s (its latencies and counts come with it)."""
    return sorted(runs, key=lambda run: run["rps"])[len(runs) // 2]


def measure_pair(servers, kinds, seconds):
    """{name: {kind: {"load": median of ROUNDS runs with LOAD_CLIENTS clients, "alone": one
    client}}} for servers {name: (url, requests)}, taking turns so drift hits both alike."""
    results = {name: {} for name in servers}
    for kind in kinds:
        runs = {name: [] for name in servers}
        for _ in range(ROUNDS):
            for name, (url, requests) in servers.items():
                payload, expected = requests[kind]
                address = ("127.0.0.1", int(url.rsplit(":", 1)[1]))
                runs[name].append(
                    asyncio.run(_drive(address, payload, expected, LOAD_CLIENTS, seconds))
                )
        for name, (url, requests) in servers.items():
            payload, expected = requests[kind]
            address = ("127.0.0.1", int(url.rsplit(":", 1)[1]))
            results[name][kind] = {
                "load": _median_run(runs[name]),
                "alone": asyncio.run(_drive(address, payload, expected, 1, seconds)),
            }
    return results


def measure_starts(starts):
    """(first start, [the next `starts`]) of `shipguard serve` with a cache folder of its own:
    the first validates the data in full, the others find it validated (as every start
    after the first does for a user whose data did not change)."""
    with tempfile.TemporaryDirectory(prefix="shipguard-cache-") as cache_home:
        env = {key: value for key, value in os.environ.items() if key != "SHIPGUARD_DATA_DIR"}
        env["XDG_CACHE_HOME"] = cache_home
        times = []
        for _ in range(starts + 1):
            with running_server(env=env) as started:
                times.append(started.started_in)
    return times[0], times[1:]


def run_server(seconds, starts=3, log=print, wrk_seconds=None):
    """Start-up times, then the load figures of both servers (same bundle bytes, same ETag),
    and, with wrk installed and `wrk_seconds`, 200 clients on the production server."""
    cold_start, start_times = measure_starts(starts)
    log(
        f"  server start: first (empty cache) {cold_start:.2f} s, then "
        f"{', '.join(f'{s:.2f} s' for s in start_times)}"
    )
    with running_server() as server, tempfile.TemporaryDirectory() as tmp:
        url = server.url
        host, _, etag, post_kind, post_path = probe(url)
        with urllib.request.urlopen(f"{url}/api/v1/bundle", timeout=10) as response:
            body = response.read()
        bundle_file = Path(tmp) / "bundle.json"
        bundle_file.write_bytes(body)
        requests = build_requests(host, etag, post_kind, post_path)
        static_command = [
            sys.executable,
            "-m",
            "benchmarks.staticserver",
            "--file",
            str(bundle_file),
            "--etag",
            etag,
        ]
        with running_server(command=static_command, ready_path="/") as static_server:
            log(f"  both servers: bundle 200 and 304, {ROUNDS} rounds of {seconds:g} s each ...")
            static_address = static_server.url.removeprefix("http://")
            static_requests = build_requests(static_address, etag, post_kind, post_path)
            pair = measure_pair(
                {"prod": (url, requests), "static": (static_server.url, static_requests)},
                ["bundle-304", "bundle"],
                seconds,
            )
        log(f"  production server: {post_kind} ...")
        prod = pair["prod"] | measure_pair({"prod": (url, requests)}, [post_kind], seconds)["prod"]
        wrk = None
        if wrk_seconds and wrk_available():
            log(f"  wrk: {CLIENTS} clients, {wrk_seconds:g} s per kind ...")
            gzip_etag = urllib.request.urlopen(
                urllib.request.Request(f"{url}/api/v1/bundle", headers={"Accept-Encoding": "gzip"}),
                timeout=10,
            ).headers["ETag"]
            wrk = wrk_runs(url, gzip_etag, wrk_seconds)
    return {
        "start": start_times,
        "cold_start": cold_start,
        "prod": prod,
        "static": pair["static"],
        "post_kind": post_kind,
        "post_path": post_path,
        "bundle_bytes": len(body),
        "wrk": wrk,
        "wrk_seconds": wrk_seconds,
    }


def _latency(row):
    return f"p50 {num(row['p50'], 2)} ms, p99 {num(row['p99'], 2)} ms"


def server_figures(result):
    prod, static = result["prod"], result["static"]
    figures = []
    for kind, label in (
        ("bundle-304", "GET /api/v1/bundle, 304"),
        ("bundle", "GET /api/v1/bundle, 200"),
    ):
        mine, base = prod[kind], static[kind]
        factor = ratio(mine["load"]["rps"], base["load"]["rps"])
        judged = kind == "bundle-304"
        figures.append(
            Figure(
                S6,
                f"{label}: throughput, {LOAD_CLIENTS} clients",
                f"{num(mine['load']['rps'], 0)} req/s ({num(factor, 2)}x static)",
                f"static {num(base['load']['rps'], 0)} req/s, {base['load']['connections']} connections",
                f">= {THROUGHPUT_TARGET:g}x static" if judged else "",
                factor >= THROUGHPUT_TARGET if judged else None,
                f"{_latency(mine['load'])} under load; {mine['load']['errors']} wrong answers, "
                f"{mine['load']['connections']} connections",
            )
        )
        figures.append(
            Figure(
                S6,
                f"{label}: latency, one client",
                _latency(mine["alone"]),
                f"static {_latency(base['alone'])}",
                f"p99 < {P99_TARGET_MS:g} ms",
                mine["alone"]["p99"] < P99_TARGET_MS,
            )
        )
    post = prod[result["post_kind"]]
    figures.append(
        Figure(
            S6,
            f"POST {result['post_path']}",
            f"{num(post['load']['rps'], 0)} req/s ({LOAD_CLIENTS} clients)",
            "no static equivalent",
            spread=f"one client {_latency(post['alone'])}; {LOAD_CLIENTS} clients "
            f"{_latency(post['load'])}; {post['load']['errors']} wrong answers",
        )
    )
    if result.get("wrk"):
        figures += wrk_figures(result["wrk"], result["wrk_seconds"], _settings())
    start = summarise(result["start"])
    figures.append(
        Figure(
            S7,
            "server start (`shipguard serve` until /healthz answers)",
            f"{num(start.median, 2)} s",
            "",
            f"< {START_TARGET_S:g} s",
            start.median < START_TARGET_S,
            f"{start.spread(2)}; first start (data not yet validated on this machine today) "
            f"{num(result['cold_start'], 2)} s",
        )
    )
    return figures


def _settings():
    """The production server's settings, as `shipguard serve` has them by default."""
    from shipguard.commands.serve import WAITRESS_OPTIONS

    return ", ".join(f"{name} {default}" for name, _, _, default, _ in WAITRESS_OPTIONS)
