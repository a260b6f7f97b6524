"""Load test: many keep-alive clients drive a Shipguard server over loopback for a bounded time.

    python benchmarks/load.py --url http://127.0.0.1:8417 --clients 200 --seconds 20
    python benchmarks/load.py --clients 200 --seconds 20   # starts its own `shipguard serve`

Each client holds one HTTP/1.1 connection and sends, one after the other, a mix of bundle
fetches (200), conditional fetches with the current ETag (304) and lint calls (render calls
where the server has no lint). It reports throughput, p50/p99 latency per kind, wrong
answers ("errors") and connections lost mid-request ("dropped"); exit status 1 if any.
Standard library only against --url; without it, it needs the shipguard package to start one.
"""

import argparse
import asyncio
import json
import random
import sys
import time
from urllib.parse import urlsplit

LINT_TEXT = (
    "Hello, your order {order_id} will ship later than promised because of a storm. "
    "We expect to ship it by Monday. Reply to this message to cancel at no cost."
)
RENDER_BODY = {
    "template": "delay-weather",
    "locale": "en-US",
    "fields": {"order_id": "111-0000000-0000000"},
}


class Stats:
    """Latencies and failures per request kind."""

    def __init__(self, kinds):
        self.latencies = {kind: [] for kind in kinds}
        self.errors = dict.fromkeys(kinds, 0)
        self.dropped = dict.fromkeys(kinds, 0)
        self.connections = 0
        self.connect_failures = 0
        self.error_samples = []

    def error(self, kind, detail):
        self.errors[kind] += 1
        if len(self.error_samples) < 5:
            self.error_samples.append(f"{kind}: {detail}")


def build_requests(host, etag, post_kind, post_path):
    """The raw bytes of each kind of request (fixed, so clients spend no time building them)."""
    head = f"Host: {host}\r\nUser-Agent: shipguard-load\r\nAccept: application/json\r\n"
    body = json.dumps(
        {"text": LINT_TEXT, "locale": "en-US"} if post_kind == "lint" else RENDER_BODY
    ).encode()
    post = (
        f"POST {post_path} HTTP/1.1\r\n{head}Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    return {
        "bundle": (f"GET /api/v1/bundle HTTP/1.1\r\n{head}\r\n".encode(), 200),
        "bundle-304": (
            f"GET /api/v1/bundle HTTP/1.1\r\n{head}If-None-Match: {etag}\r\n\r\n".encode(),
            304,
        ),
        post_kind: (post, 200),
    }


async def read_response(reader):
    """(status, headers, body) of one HTTP/1.1 response."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if status in (204, 304):
        return status, headers, b""
    if headers.get("transfer-encoding", "").lower() == "chunked":
        return status, headers, await _read_chunked(reader)
    return status, headers, await reader.readexactly(int(headers.get("content-length", "0")))


async def _read_chunked(reader):
    chunks = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        chunks.append(await reader.readexactly(size + 2))
        if size == 0:
            return b"".join(chunks)


async def run_client(number, address, requests, weights, stats, deadline, timeout):
    """One keep-alive client: reconnects only when the server closed the connection."""
    rng = random.Random(number)
    kinds = list(requests)
    reader = writer = None
    while time.monotonic() < deadline:
        kind = rng.choices(kinds, weights)[0]
        payload, expected = requests[kind]
        if writer is None:
            try:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(*address), timeout)
                stats.connections += 1
            except (OSError, asyncio.TimeoutError):
                stats.connect_failures += 1
                await asyncio.sleep(0.05)
                continue
        started = time.perf_counter()
        try:
            writer.write(payload)
            status, headers, _ = await asyncio.wait_for(read_response(reader), timeout)
        except (
            OSError,
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,
            asyncio.TimeoutError,
            ValueError,
        ):
            stats.dropped[kind] += 1
            writer.close()
            reader = writer = None
            continue
        stats.latencies[kind].append(time.perf_counter() - started)
        if status != expected:
            stats.error(kind, f"status {status}, expected {expected}")
        if headers.get("connection", "").lower() == "close":
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(fraction * len(ordered))) - 1))]


def probe(url):
    """(host header, (host, port), ETag, post kind, post path) of the server at url."""
    import urllib.request

    parts = urlsplit(url)
    with urllib.request.urlopen(f"{url}/api/v1/bundle", timeout=10) as response:
        etag = response.headers["ETag"]
    with urllib.request.urlopen(f"{url}/api/v1/openapi.json", timeout=10) as response:
        has_lint = "/api/v1/lint" in json.load(response)["paths"]
    post_kind, post_path = ("lint", "/api/v1/lint") if has_lint else ("render", "/api/v1/render")
    return parts.netloc, (parts.hostname, parts.port or 80), etag, post_kind, post_path


async def drive(url, clients, seconds, timeout, mix):
    host, address, etag, post_kind, post_path = probe(url)
    requests = build_requests(host, etag, post_kind, post_path)
    weights = [mix["bundle"], mix["bundle-304"], mix["post"]]
    stats = Stats(list(requests))
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(
        *(
            run_client(n, address, requests, weights, stats, deadline, timeout)
            for n in range(clients)
        )
    )
    return stats, time.monotonic() - started


def report(stats, elapsed, clients):
    """Print the figures; return them as a dict (for --json)."""
    total = sum(len(values) for values in stats.latencies.values())
    figures = {
        "clients": clients,
        "seconds": round(elapsed, 2),
        "requests": total,
        "requests_per_second": round(total / elapsed, 1),
        "connections": stats.connections,
        "connect_failures": stats.connect_failures,
        "errors": sum(stats.errors.values()),
        "dropped": sum(stats.dropped.values()),
        "kinds": {},
    }
    print(
        f"{clients} clients, {elapsed:.1f} s: {total} responses, {figures['requests_per_second']} req/s, "
        f"{stats.connections} connections opened, {stats.connect_failures} connect failures"
    )
    print(
        f"{'kind':<11}{'count':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'errors':>8}{'dropped':>9}"
    )
    for kind, values in stats.latencies.items():
        row = {
            "count": len(values),
            "p50_ms": round(percentile(values, 0.5) * 1000, 1),
            "p99_ms": round(percentile(values, 0.99) * 1000, 1),
            "max_ms": round(max(values, default=float("nan")) * 1000, 1),
            "errors": stats.errors[kind],
            "dropped": stats.dropped[kind],
        }
        figures["kinds"][kind] = row
        print(
            f"{kind:<11}{row['count']:>8}{row['p50_ms']:>9}{row['p99_ms']:>9}{row['max_ms']:>9}"
            f"{row['errors']:>8}{row['dropped']:>9}"
        )
    for sample in stats.error_samples:
        print(f"  e.g. {sample}")
    return figures


def parse_mix(text):
    """ "bundle=4,bundle-304=4,post=2" -> weights by kind."""
    mix = {"bundle": 4, "bundle-304": 4, "post": 2}
    for item in filter(None, text.split(",")):
        name, _, weight = item.partition("=")
        if name not in mix:
            raise argparse.ArgumentTypeError(
                f"unknown kind {name!r}; use bundle, bundle-304 or post"
            )
        mix[name] = float(weight)
    return mix


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--url", help="server to drive (default: start `shipguard serve` on a free port)"
    )
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="seconds before a request counts as dropped"
    )
    parser.add_argument(
        "--mix",
        type=parse_mix,
        default=parse_mix(""),
        help="weights, e.g. bundle=4,bundle-304=4,post=2",
    )
    parser.add_argument(
        "--serve-arg", action="append", default=[], help="extra `shipguard serve` argument"
    )
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not 0 < args.seconds <= 600 or not 0 < args.clients <= 5000:
        parser.error("--seconds must be in (0, 600] and --clients in (0, 5000]")
    if args.url:
        return _run(args, args.url.rstrip("/"))
    from shipguard.commands.server_process import running_server

    with running_server(*args.serve_arg) as server:
        print(f"started shipguard serve {' '.join(args.serve_arg)} at {server.url}", flush=True)
        return _run(args, server.url)


def _run(args, url):
    if urlsplit(url).hostname not in ("127.0.0.1", "localhost", "::1"):
        print("refusing to load anything but a loopback server", file=sys.stderr)
        return 2
    stats, elapsed = asyncio.run(drive(url, args.clients, args.seconds, args.timeout, args.mix))
    figures = report(stats, elapsed, args.clients)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as stream:
            json.dump(figures, stream, indent=2)
    return 1 if figures["errors"] or figures["dropped"] or figures["connect_failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
