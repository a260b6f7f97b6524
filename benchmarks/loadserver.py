"""Start a throwaway `shipguard serve` on a free loopback port for benchmarks/load.py."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

START_TIMEOUT = 30


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_command():
    """This Python's `shipguard` script if installed beside it, else the module."""
    script = os.path.join(os.path.dirname(sys.executable), "shipguard")
    if os.path.exists(script):
        return [script]
    found = shutil.which("shipguard")
    return [found] if found else [sys.executable, "-m", "shipguard.cli"]


@contextlib.contextmanager
def own_server(extra_args=()):
    """Run the server until the block ends; yield its base URL. Its log goes to a temp file."""
    port = free_port()
    # Kept after the run (delete=False) so a failed start can be read; closed in finally.
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115
        "w+", prefix="shipguard-load-", suffix=".log", delete=False
    )
    command = [*serve_command(), "serve", "--host", "127.0.0.1", "--port", str(port), *extra_args]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        print(f"started {' '.join(command)} (log {log.name})", flush=True)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_until_up(url, process):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"shipguard serve exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"shipguard serve did not answer within {START_TIMEOUT} s")
