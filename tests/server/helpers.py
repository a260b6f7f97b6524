"""Helpers shared by the server tests: data files, team folders and the CLI."""

import json
import os
import subprocess
import sys
from pathlib import Path

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
