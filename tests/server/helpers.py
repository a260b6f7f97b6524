"""Helpers shared by the server tests: data files, team folders, the CLI, free ports and the
real `shipguard serve` process."""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests
from shipguard import config

CHROME_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
FIREFOX_ORIGIN = "moz-extension://3f2b8c1e-9a4d-4b6e-8f0a-1c2d3e4f5a6b"
WEB_ORIGIN = "https://evil.example"


def write_json(path, document):
    """Write a data file (creating its folder); a str is written as is (for broken JSON)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = document if isinstance(document, str) else json.dumps(document, indent=2)
    path.write_text(text, encoding="utf-8")
    return path


def default_document(relative):
    """A shipped default data file (relative to the data folder) as a fresh dict."""
    return json.loads((config.default_data_dir() / relative).read_text(encoding="utf-8"))


def default_template(template_id="delay-out-of-stock"):
    return json.loads((config.messages_dir() / f"{template_id}.json").read_text(encoding="utf-8"))


def team_template(template_id="team-note", **changes):
    """A valid template a team could add."""
    template = default_template()
    template.update({"id": template_id, "title": "A team's own note", **changes})
    return template


def problem_lines(error, file):
    """The lines of a DataError's message that name `file`."""
    return [line for line in str(error).splitlines() if str(file) in line]


def run_cli(*args, env=None):
    """Run `python -m shipguard.cli ARGS` in a child process, defaults only unless env says."""
    environment = {key: value for key, value in os.environ.items() if key != "SHIPGUARD_DATA_DIR"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "shipguard.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def shipguard_command():
    """The installed `shipguard` script of this virtualenv, else the module."""
    script = Path(sys.executable).with_name("shipguard")
    return [str(script)] if script.exists() else [sys.executable, "-m", "shipguard.cli"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SERVE_START_TIMEOUT = 20


@contextlib.contextmanager
def serve_process(*args, host="127.0.0.1", env=None, log_path=None):
    """Run the real `shipguard serve` (waitress) on a free port until /healthz answers; yields
    (url, process). The process is stopped on exit; its stderr goes to `log_path` if given."""
    port = free_port()
    log = open(log_path, "w") if log_path else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(
        [*shipguard_command(), "serve", "--host", host, "--port", str(port), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(url, process)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
        if log_path:
            log.close()


def _wait_for_health(url, process):
    deadline = time.monotonic() + SERVE_START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, "shipguard serve exited early"
        try:
            if requests.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise AssertionError(f"shipguard serve did not answer within {SERVE_START_TIMEOUT} s")
