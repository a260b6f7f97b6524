"""The benchmark's own code works: the row generator, the summaries, the profile
attribution, the static baseline server, and one tiny run of `python -m benchmarks`.
No figure is judged here: tests do not time things."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.pages import ORDER_ID, fixture_rows, generate_page, generate_rows, page_url
from benchmarks.profile import hot_spots
from benchmarks.staticserver import static_file_app
from benchmarks.stats import percentile, summarise

ROOT = Path(__file__).resolve().parents[2]


def test_rows_cycle_through_the_fixture_with_distinct_order_ids():
    templates = fixture_rows()
    rows = generate_rows(3 * len(templates) + 2)
    ids = [ORDER_ID.search(row).group(0) for row in rows]
    assert len(set(ids)) == len(rows)
    for row, order_id in zip(rows, ids):
        # Each row carries only its own id (links, checkbox label, buyer contact link).
        assert set(ORDER_ID.findall(row)) == {order_id}
        assert "{{" not in row and 'data-test-id="oth-customer-option"' in row
    statuses = " ".join(rows)
    for status in ("unshipped-status", "shipped-status", "canceled-status", "pending-status"):
        assert status in statuses


def test_the_page_has_an_empty_table_two_row_sets_and_the_harness():
    html = generate_page(20)
    assert re.search(r'<table id="orders-table".*?<tbody></tbody>', html, re.S)
    first, second = (
        re.search(rf'<template id="bench-rows-{n}">(.*?)</template>', html, re.S).group(1)
        for n in (1, 2)
    )
    assert first.count("<tr") == second.count("<tr") == 20
    assert not set(ORDER_ID.findall(first)) & set(ORDER_ID.findall(second))
    assert "__shipguardBench" in html and "20 orders" in html
    assert page_url(20).startswith("https://sellercentral.amazon.com/orders-v3/mfn/unshipped?")


def test_summaries_and_percentiles():
    s = summarise([5, 1, 3, 2, 4])
    assert (s.median, s.low, s.high, s.q1, s.q3, s.count) == (3, 1, 5, 2, 4, 5)
    assert percentile([1, 2, 3, 4], 0.5) == 2 and percentile(list(range(1, 101)), 0.99) == 99
    assert summarise([]).count == 0


def test_profile_time_counts_only_stacks_with_shipguard_in_them():
    ext = "chrome-extension://abc/content/orders-list/orders-list.js"

    def node(id_, name, url="", children=()):
        return {
            "id": id_,
            "callFrame": {"functionName": name, "url": url, "lineNumber": 9},
            "children": list(children),
        }

    profile = {
        "nodes": [
            node(1, "(root)", children=[2, 4, 5]),
            node(2, "scan", ext, [3]),
            node(3, "querySelector"),
            node(4, "appScript", "https://sellercentral.amazon.com/x"),
            node(5, "(idle)"),
        ],
        "samples": [3, 3, 2, 4, 5, 3],
        "timeDeltas": [0, 1000, 1000, 1000, 1000, 1000],
    }
    found = hot_spots([profile])
    assert found["ours"] == 3.0 and found["busy"] == 4.0 and found["page"] == 1.0
    assert found["self"][("querySelector", "(native)", 0)] == 2.0
    assert found["total"][("scan", "content/orders-list/orders-list.js", 10)] == 3.0
    assert found["callers"][("querySelector", "(native)", 0)].most_common(1)[0][0][0] == "scan"


def test_static_baseline_answers_200_and_304(tmp_path):
    body = tmp_path / "bundle.json"
    body.write_bytes(b'{"version": "x"}')
    app = static_file_app(str(body), '"etag-1"')
    seen = []
    assert (
        b"".join(app({"HTTP_IF_NONE_MATCH": ""}, lambda status, headers: seen.append(status)))
        == body.read_bytes()
    )
    assert (
        b"".join(
            app({"HTTP_IF_NONE_MATCH": '"etag-1"'}, lambda status, headers: seen.append(status))
        )
        == b""
    )
    assert seen == ["200 OK", "304 Not Modified"]


@pytest.mark.e2e
def test_a_tiny_quick_run_prints_figures_with_targets(tmp_path):
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--quick",
            "--only",
            "overlay,sizes",
            "--sizes",
            "15",
            "--reps",
            "1",
            "--rerenders",
            "1",
            "--json",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))["figures"]
    latency = next(f for f in figures if f["section"].startswith("1.") and f["name"] == "15 rows")
    assert "x floor" in latency["value"] and latency["verdict"] in ("MET", "NOT MET")
    # The reference overlay is timed beside Shipguard, with no target of its own.
    least = [f for f in figures if "reference overlay" in f["name"]]
    assert [f["section"][:2] for f in least] == ["1.", "3."] and "x floor" in least[0]["value"]
    assert any(f["name"].startswith("extension zip") and f["verdict"] for f in figures)
    assert "Targets:" in result.stdout
