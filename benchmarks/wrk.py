"""200 concurrent clients with wrk (Debian package `wrk`) on the production server: the full
bundle as browsers fetch it (gzip) and as a client without gzip gets it, and revalidations
(304); timeouts and latency percentiles from wrk's own report."""

from __future__ import annotations

import re
import shutil
import subprocess

from .report import Figure
from .stats import num

CLIENTS = 200
THREADS = 2  # wrk's own threads, one per core
TIMEOUT_S = 2  # wrk's default: a request unanswered this long counts as a timeout
P99_TARGET_MS = 1000.0
S8 = "8. 200 concurrent clients (wrk, production server)"
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(url: str, headers: dict[str, str], seconds: float) -> dict:
    """One wrk run: {rps, requests, p50, p90, p99 (ms), timeouts, errors, non_2xx_3xx}."""
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CLIENTS}",
        f"-d{seconds:g}s",
        f"--timeout={TIMEOUT_S}s",
        "--latency",
        *(part for name, value in headers.items() for part in ("-H", f"{name}: {value}")),
        url,
    ]
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=True
    ).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> dict:
    """The figures of wrk's --latency report."""

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(match.group(1)) * UNITS_MS[match.group(2)] if match else float("nan")

    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    connect, read, write, timeouts = (int(x) for x in errors.groups()) if errors else (0,) * 4
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50": latency(50),
        "p90": latency(90),
        "p99": latency(99),
        "timeouts": timeouts,
        "errors": connect + read + write,
        "non_2xx_3xx": int(non_ok.group(1)) if non_ok else 0,
    }


def wrk_runs(url: str, etag_gzip: str, seconds: float) -> dict:
    """{kind: run_wrk figures} for the three kinds of request."""
    bundle = f"{url}/api/v1/bundle"
    return {
        "bundle-gzip": run_wrk(bundle, {"Accept-Encoding": "gzip"}, seconds),
        "bundle-plain": run_wrk(bundle, {"Accept-Encoding": "identity"}, seconds),
        "bundle-304": run_wrk(
            bundle, {"Accept-Encoding": "gzip", "If-None-Match": etag_gzip}, seconds
        ),
    }


def wrk_figures(runs: dict, seconds: float, settings: str) -> list[Figure]:
    labels = {
        "bundle-gzip": "GET /api/v1/bundle, 200 gzip (as browsers fetch it)",
        "bundle-plain": "GET /api/v1/bundle, 200 without gzip",
        "bundle-304": "GET /api/v1/bundle, 304",
    }
    figures = []
    for kind, label in labels.items():
        run = runs[kind]
        met = run["timeouts"] == 0 and run["errors"] == 0 and run["p99"] <= P99_TARGET_MS
        figures.append(
            Figure(
                S8,
                f"{label}: {CLIENTS} clients, {seconds:g} s",
                f"p99 {num(run['p99'], 0)} ms, {run['timeouts']} timeouts",
                f"p50 {num(run['p50'], 0)} ms, p90 {num(run['p90'], 0)} ms; "
                f"{num(run['rps'], 0)} req/s, {run['requests']:,} requests; server {settings}",
                f"0 timeouts (> {TIMEOUT_S} s), p99 <= {P99_TARGET_MS:g} ms",
                met,
                f"{run['errors']} socket errors, {run['non_2xx_3xx']} non-2xx/3xx",
            )
        )
    return figures
