"""The server: requests/s and latency of the bundle (200, 304) and lint (render where the
server has no lint) on the production server, against a static file server of the same
bundle bytes in the same run; and how long `shipguard serve` takes to answer /healthz."""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from shipguard.commands.server_process import running_server

from .load import build_requests, probe, read_response
from .report import Figure
from .stats import num, percentile, ratio, summarise

LOAD_CLIENTS = 8  # = the server's worker threads
WARMUP_S = 0.5
THROUGHPUT_TARGET = 0.5  # 304 at least half the static server's requests/s
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


def measure(url, requests, kinds, seconds):
    """{kind: {"load": figures with LOAD_CLIENTS clients, "alone": with one client}}."""
    address = ("127.0.0.1", int(url.rsplit(":", 1)[1]))
    results = {}
    for kind in kinds:
        payload, expected = requests[kind]
        results[kind] = {
            "alone": asyncio.run(_drive(address, payload, expected, 1, seconds)),
            "load": asyncio.run(_drive(address, payload, expected, LOAD_CLIENTS, seconds)),
        }
    return results


def run_server(seconds, starts=3, log=print):
    """Start-up times, then the load figures of both servers (same bundle bytes, same ETag)."""
    start_times = []
    for _ in range(starts):
        with running_server() as started:
            start_times.append(started.started_in)
    log(f"  server start: {', '.join(f'{s:.2f} s' for s in start_times)}")
    with running_server() as server, tempfile.TemporaryDirectory() as tmp:
        url = server.url
        host, _, etag, post_kind, post_path = probe(url)
        with urllib.request.urlopen(f"{url}/api/v1/bundle", timeout=10) as response:
            body = response.read()
        bundle_file = Path(tmp) / "bundle.json"
        bundle_file.write_bytes(body)
        requests = build_requests(host, etag, post_kind, post_path)
        log(f"  production server: bundle 200, 304 and {post_kind}, {seconds:g} s each ...")
        prod = measure(url, requests, ["bundle", "bundle-304", post_kind], seconds)
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
            log("  static server: bundle 200 and 304 ...")
            static_address = static_server.url.removeprefix("http://")
            static_requests = build_requests(static_address, etag, post_kind, post_path)
            static = measure(static_server.url, static_requests, ["bundle", "bundle-304"], seconds)
    return {
        "start": start_times,
        "prod": prod,
        "static": static,
        "post_kind": post_kind,
        "post_path": post_path,
        "bundle_bytes": len(body),
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
    start = summarise(result["start"])
    figures.append(
        Figure(
            S7,
            "server start (`shipguard serve` until /healthz answers)",
            f"{num(start.median, 2)} s",
            "",
            f"< {START_TARGET_S:g} s",
            start.median < START_TARGET_S,
            start.spread(2),
        )
    )
    return figures
