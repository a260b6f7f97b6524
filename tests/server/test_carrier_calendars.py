"""Carrier calendars and transit times: computed from the holidays package, validated, served,
and the shared calendar vectors checked against what the server computes."""

import copy
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from shipguard.app import create_app
from shipguard.bundle import reloader as reloader_module
from shipguard.bundle.calendars import calendar_window, pack_calendars
from shipguard.bundle.datastore import load_data
from shipguard.bundle.problems import DataError
from shipguard.bundle.reloader import EXTENSION_KEY

from .helpers import default_document, problem_lines, write_json

ROOT = Path(__file__).resolve().parents[2]
VECTORS = json.loads((ROOT / "tests/vectors/carrier-calendar.json").read_text(encoding="utf-8"))
PACKED = json.loads(
    (ROOT / "tests/vectors/carrier-calendars.packed.json").read_text(encoding="utf-8")
)


def packed_for_vectors():
    rules = default_document("carrier-calendars.json")
    rules["calendars"] = [
        c for c in rules["calendars"] if c["marketplace"] in PACKED["marketplaces"]
    ]
    return pack_calendars(rules, date.fromisoformat(PACKED["packed_on"]))


def test_the_vectors_calendar_is_what_the_server_computes():
    # node runs the vectors on this file; it must be the server's own output, not a hand-made list.
    assert packed_for_vectors() == PACKED["calendars"]


def closed_for(calendar, carrier_id, day, region):
    """Whether the packed calendar says a carrier does not collect on a day (a plain lookup)."""
    carrier = next(c for c in calendar["carriers"] if c["carrier"] == carrier_id)
    regional = region and region.split("-")[0] == calendar["country"]
    in_region = regional and any(
        h["date"] == day for h in calendar["regions"].get(region.split("-", 1)[1], [])
    )
    weekday = date.fromisoformat(day).isoweekday()
    return (
        day in carrier["holidays"]
        or (carrier["regional_holidays"] and bool(in_region))
        or weekday in carrier["closed_weekdays"]
    )


@pytest.mark.parametrize("case", VECTORS, ids=[case["name"] for case in VECTORS])
def test_each_vector_day_is_a_day_the_server_says_is_closed(case):
    calendar = PACKED["calendars"]["marketplaces"][case["marketplace"]]
    expect = case["expect"]
    if expect is None:
        return
    for carrier in expect["carriers"]:
        assert closed_for(calendar, carrier, expect["day"], case["region"]), (
            carrier,
            expect["day"],
        )
    if expect["reason"].startswith("weekday "):
        assert date.fromisoformat(expect["day"]).isoweekday() == int(expect["reason"].split()[1])
    else:
        names = {
            h["name"]["en"]
            for h in calendar["holidays"] + [h for hs in calendar["regions"].values() for h in hs]
            if h["date"] == expect["day"]
        }
        assert expect["reason"] in names


def test_the_vectors_cover_what_the_calendar_logic_promises():
    names = " ".join(case["name"] for case in VECTORS).lower()
    for topic in ("national holiday", "regional", "without a region", "weekend", "year end"):
        assert topic in names, topic


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [
        (date(2026, 11, 29), date(2026, 11, 1), date(2027, 12, 31)),
        (date(2026, 1, 1), date(2026, 1, 1), date(2027, 2, 28)),
        (date(2027, 12, 31), date(2027, 12, 1), date(2029, 1, 31)),
    ],
)
def test_the_window_runs_from_the_first_of_the_month_for_13_whole_months_more(today, first, last):
    assert calendar_window(13, today) == (first, last)
    assert last - today >= timedelta(days=365)


def test_every_marketplace_has_a_calendar_in_the_bundle(client):
    bundle = client.get("/api/v1/bundle").get_json()
    codes = {m["code"] for m in bundle["marketplaces"]}
    calendars = bundle["carrier_calendars"]
    assert set(calendars["marketplaces"]) == codes
    assert calendars["source"].startswith("holidays ")
    us = calendars["marketplaces"]["US"]
    usps = next(c for c in us["carriers"] if c["carrier"] == "usps")
    ups = next(c for c in us["carriers"] if c["carrier"] == "ups")
    thanksgiving = next(h["date"] for h in us["holidays"] if h["name"]["en"] == "Thanksgiving Day")
    veterans = next(h["date"] for h in us["holidays"] if h["name"]["en"] == "Veterans Day")
    assert thanksgiving in usps["holidays"] and thanksgiving in ups["holidays"]
    assert veterans in usps["holidays"] and veterans not in ups["holidays"]
    assert usps["closed_weekdays"] == [7] and ups["closed_weekdays"] == [6, 7]
    assert "BY" in calendars["marketplaces"]["DE"]["regions"]
    assert all(t["source"] for t in bundle["transit_times"])


def test_the_bundle_changes_with_the_month_only(monkeypatch):
    app = create_app({"TESTING": True})
    reloader = app.extensions[EXTENSION_KEY]
    reloader.check()
    first = app.extensions["shipguard"]
    monkeypatch.setattr(reloader_module, "utc_today", lambda: date(2026, 11, 30))
    monkeypatch.setattr("shipguard.bundle.document.utc_today", lambda: date(2026, 11, 30))
    reloader.check()
    same_month = app.extensions["shipguard"]
    monkeypatch.setattr(reloader_module, "utc_today", lambda: date(2026, 12, 1))
    monkeypatch.setattr("shipguard.bundle.document.utc_today", lambda: date(2026, 12, 1))
    assert reloader.check() is True, "a new month must bring a new bundle"
    december = app.extensions["shipguard"]
    assert json.loads(december.body)["carrier_calendars"]["from"] == "2026-12-01"
    assert december.etag != same_month.etag
    if json.loads(first.body)["carrier_calendars"]["from"] == "2026-11-01":
        assert same_month.etag == first.etag


def calendar_problems(team_dir, document, name="carrier-calendars.json"):
    path = write_json(team_dir / name, document)
    with pytest.raises(DataError) as caught:
        load_data(team_dir)
    return problem_lines(caught.value, path)


def test_a_calendar_shorter_than_60_days_is_refused(team_dir, monkeypatch):
    # On Nov 29, one month ahead ends on Dec 31: 32 days.
    monkeypatch.setattr("shipguard.bundle.datastore.utc_today", lambda: date(2026, 11, 29))
    lines = calendar_problems(team_dir, {"months_ahead": 1})
    assert any(
        "months_ahead" in line and "2026-12-31" in line and "next 60 days" in line for line in lines
    ), lines


def test_zero_months_is_refused_by_the_schema(team_dir):
    lines = calendar_problems(team_dir, {"months_ahead": 0})
    assert any("months_ahead" in line for line in lines)


def test_an_unknown_holiday_or_carrier_is_named(team_dir):
    us = copy.deepcopy(default_document("carrier-calendars.json")["calendars"][0])
    us["carriers"][1]["works_holidays"] = ["Thanksgivin Day"]
    us["carriers"][2]["carrier"] = "pony-express"
    lines = calendar_problems(team_dir, {"calendars": [us]})
    assert any(
        "calendars.0.carriers.1.works_holidays.0" in line and "Thanksgivin" in line
        for line in lines
    )
    assert any(
        "calendars.0.carriers.2.carrier" in line and "pony-express" in line for line in lines
    )


def test_a_team_replaces_one_marketplaces_rules(team_dir):
    us = copy.deepcopy(default_document("carrier-calendars.json")["calendars"][0])
    us["carriers"] = [c for c in us["carriers"] if c["carrier"] == "usps"]
    write_json(team_dir / "carrier-calendars.json", {"calendars": [us]})
    data = load_data(team_dir)
    by_code = {c["marketplace"]: c for c in data.carrier_calendars["calendars"]}
    assert [c["carrier"] for c in by_code["US"]["carriers"]] == ["usps"]
    assert len(by_code) == 14 and data.carrier_calendars["months_ahead"] == 13


def test_a_transit_table_without_a_source_is_refused_by_check(runner, team_dir):
    table = copy.deepcopy(default_document("transit-times.json")["transit_tables"][0])
    del table["source"]
    path = write_json(team_dir / "transit-times.json", {"transit_tables": [table]})
    result = runner("check", "--data-dir", team_dir)
    assert result.returncode == 1
    assert f"{path}: transit_tables.0.source: Missing data for required field." in result.stderr


def test_a_transit_table_for_an_unknown_carrier_is_refused(team_dir):
    table = copy.deepcopy(default_document("transit-times.json")["transit_tables"][0])
    table["carrier"] = "pony-express"
    lines = calendar_problems(team_dir, {"transit_tables": [table]}, name="transit-times.json")
    assert any("transit_tables.0.carrier" in line for line in lines)


def test_a_slowest_time_below_the_fastest_is_refused(team_dir):
    table = copy.deepcopy(default_document("transit-times.json")["transit_tables"][0])
    table["services"][0]["business_days"] = [3, 1]
    lines = calendar_problems(team_dir, {"transit_tables": [table]}, name="transit-times.json")
    assert any("transit_tables.0.services.0.business_days" in line for line in lines)


def test_holidays_are_computed_not_listed():
    # The rules name no dates: every date in the bundle comes from the holidays package.
    text = (ROOT / "server/shipguard/data/carrier-calendars.json").read_text(encoding="utf-8")
    assert re.search(r"\d{4}-\d{2}-\d{2}", text) is None
