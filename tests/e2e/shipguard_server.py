"""The real `shipguard serve` process (waitress) on a free loopback port, for browser tests."""

import contextlib
import os
import socket
import subprocess
import sys
import time

import requests


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(data_dir=None, port=None):
    """Start the server, wait until /healthz answers, yield its base URL, stop it."""
    port = port or free_port()
    command = [sys.executable, "-m", "shipguard.cli", "serve", "--port", str(port)]
    if data_dir:
        command += ["--data-dir", str(data_dir)]
    env = {k: v for k, v in os.environ.items() if k != "SHIPGUARD_DATA_DIR"}
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"shipguard serve exited: {process.stdout.read()}")
            try:
                if requests.get(f"{url}/healthz", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("shipguard serve did not answer within 20 s")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
