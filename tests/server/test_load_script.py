"""benchmarks/load.py works: a short, small run against its own server has no errors or drops."""

import json
import subprocess
import sys
from pathlib import Path

LOAD_SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "load.py"


def test_short_load_run_has_no_errors(tmp_path):
    figures_file = tmp_path / "figures.json"
    result = subprocess.run(
        [
            sys.executable,
            str(LOAD_SCRIPT),
            "--clients",
            "20",
            "--seconds",
            "2",
            "--json",
            str(figures_file),
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["errors"] == 0 and figures["dropped"] == 0 and figures["connect_failures"] == 0
    assert set(figures["kinds"]) >= {"bundle", "bundle-304"} and figures["requests"] > 100
    assert all(row["count"] > 0 for row in figures["kinds"].values())


def test_load_script_refuses_a_remote_server():
    result = subprocess.run(
        [sys.executable, str(LOAD_SCRIPT), "--url", "http://example.com", "--seconds", "1"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2 and "loopback" in result.stderr
