"""`shipguard serve` as a child process on a free loopback port, used once it answers.

`shipguard demo` runs the server this way, and so do the tests and benchmarks that need
the real process (waitress, its options, its reloads) rather than the app in-process.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass

START_TIMEOUT_S = 30
# Short, so a benchmark's start-up figure is not rounded up to the polling interval.
POLL_S = 0.01


@dataclass(frozen=True)
class ServerProcess:
    url: str  # http://127.0.0.1:<port>
    process: subprocess.Popen
    started_in: float  # seconds from launch until it answered


def free_port():
    """A loopback port free right now (the server binds it a moment later)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_command():
    """This Python's `shipguard` script if installed beside it, else on PATH, else the module."""
    script = os.path.join(os.path.dirname(sys.executable), "shipguard")
    if os.path.exists(script):
        return [script]
    found = shutil.which("shipguard")
    return [found] if found else [sys.executable, "-m", "shipguard.cli"]


@contextlib.contextmanager
def running_server(
    *serve_args,
    data_dir=None,
    env=None,
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
    command=None,
    ready_path="/healthz",
):
    """Start `shipguard serve` with `serve_args` on a free loopback port and yield a
    ServerProcess once `ready_path` answers; stop the process when the block ends.

    `env` replaces the environment (default: this one without SHIPGUARD_DATA_DIR, so only
    `data_dir` decides the team folder); `stdout` and `stderr` as for subprocess.Popen;
    `command` runs another server that takes `--port` (a benchmark's baseline).
    """
    port = free_port()
    if command is None:
        command = [*serve_command(), "serve", "--host", "127.0.0.1"]
        if data_dir is not None:
            command += ["--data-dir", str(data_dir)]
    if env is None:
        env = {key: value for key, value in os.environ.items() if key != "SHIPGUARD_DATA_DIR"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--port", str(port), *serve_args],
        env=env,
        stdout=stdout,
        stderr=stderr,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_answering(url + ready_path, process, command)
        yield ServerProcess(url, process, time.perf_counter() - started)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _wait_until_answering(url, process, command):
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{' '.join(command)} exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"{' '.join(command)} did not answer within {START_TIMEOUT_S} s"
                ) from None
            time.sleep(POLL_S)
