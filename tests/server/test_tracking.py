"""Tracking id checks: the shared vectors through the Python twin, the data's coverage, the schema."""

import copy
import json
import re
from pathlib import Path

import pytest
from marshmallow import ValidationError
from shipguard import config
from shipguard.bundle.datastore import load_data
from shipguard.bundle.problems import DataError
from shipguard.bundle.schemas.carriers import CHECKS, CarriersFileSchema
from shipguard.tracking import (
    CHECK_DIGITS,
    OTHER,
    check_tracking,
    find_carrier,
    format_score,
    normalise_tracking_id,
)

from .helpers import write_json

ROOT = Path(__file__).resolve().parents[2]
CARRIERS_FILE = config.default_data_dir() / "carriers.json"
CARRIERS = json.loads(CARRIERS_FILE.read_text(encoding="utf-8"))["carriers"]
VECTORS = json.loads((ROOT / "tests/vectors/tracking.json").read_text(encoding="utf-8"))


def run(case, carriers=CARRIERS):
    return check_tracking(
        case["tracking_id"],
        case["carrier"],
        case["marketplace"],
        carriers,
        case.get("other_carrier"),
    )


@pytest.mark.parametrize("case", VECTORS, ids=[case["name"] for case in VECTORS])
def test_vector(case):
    result = run(case)
    assert [finding["rule"] for finding in result["findings"]] == case["expect"]
    assert result["ok"] is (not case["expect"])
    assert all(finding["severity"] == "warning" for finding in result["findings"])
    messages = "\n".join(finding["message"] for finding in result["findings"])
    for name in case.get("mentions", []):
        assert name in messages


def test_vector_names_are_unique():
    names = [case["name"] for case in VECTORS]
    assert len(names) == len(set(names))


def passing_format(case):
    """The check-digit format a vector's id passes for its chosen carrier, or None."""
    if case["carrier"] == OTHER or case["expect"]:
        return None, None
    carrier = find_carrier(case["carrier"], CARRIERS)
    tracking_id = normalise_tracking_id(case["tracking_id"])
    for fmt in carrier["formats"] if carrier else []:
        if fmt["check"] != "none" and format_score(fmt, tracking_id) == 3:
            return carrier, fmt
    return carrier, None


@pytest.mark.parametrize("carrier", CARRIERS, ids=[carrier["id"] for carrier in CARRIERS])
def test_each_carrier_has_real_format_examples(carrier):
    """Two valid ids and one bad check digit per carrier with a check, and every format used."""
    chosen = [
        case
        for case in VECTORS
        if case["carrier"] != OTHER
        and (find_carrier(case["carrier"], CARRIERS) or {}).get("id") == carrier["id"]
    ]
    valid = [case for case in chosen if not case["expect"]]
    matched = {
        fmt["regex"] + fmt.get("check_prefix", "")
        for case in valid
        for fmt in carrier["formats"]
        if format_score(fmt, normalise_tracking_id(case["tracking_id"])) >= 2
    }
    unused = [
        fmt["description"]
        for fmt in carrier["formats"]
        if fmt["regex"] + fmt.get("check_prefix", "") not in matched
    ]
    assert not unused, f"formats without a valid example: {unused}"
    if any(fmt["check"] != "none" for fmt in carrier["formats"]):
        assert sum(passing_format(case)[1] is not None for case in valid) >= 2
        assert any(case["expect"] == ["tracking-check-digit"] for case in chosen)


def test_a_changed_check_digit_is_caught_for_every_valid_example():
    # Guards against a check that passes everything.
    mutated = 0
    for case in VECTORS:
        carrier, fmt = passing_format(case)
        if fmt is None:
            continue
        tracking_id = normalise_tracking_id(case["tracking_id"])
        at = re.fullmatch(fmt["regex"], tracking_id).start(2)
        wrong = tracking_id[:at] + str((int(tracking_id[at]) + 1) % 10) + tracking_id[at + 1 :]
        rules = [
            f["rule"]
            for f in check_tracking(wrong, case["carrier"], case["marketplace"], CARRIERS)[
                "findings"
            ]
        ]
        assert "tracking-check-digit" in rules, (case["name"], wrong)
        mutated += 1
    assert mutated >= 40


@pytest.mark.parametrize(
    ("check", "payload", "digit"),
    [
        ("mod10-31", "0073938000549297"[:-1], 7),  # Canada Post, GS1 weights 3,1
        ("mod10-31-plus1", "46741258830", 1),  # GLS: the GS1 sum plus one
        ("mod10-49", "20129845227", 7),  # DHL Paket Identcode, weights 4,9
        ("mod10-ups", "999AA1012345678", 4),  # UPS's own sample 1Z999AA10123456784
        ("mod11-137", "98657878885", 5),  # FedEx Express, weights 1,3,7
        ("mod7", "12345678901", 3),  # Yamato: 12345678901 mod 7
        ("s10", "12345678", 5),  # UPU S10 RB123456785GB
    ],
)
def test_each_named_check_on_a_published_example(check, payload, digit):
    assert CHECK_DIGITS[check](payload) == digit


def test_the_schema_and_the_code_know_the_same_checks():
    assert set(CHECKS) == set(CHECK_DIGITS) | {"none"}


def test_a_failed_check_is_beaten_only_by_a_distinctive_format_that_adds_up():
    carriers = copy.deepcopy([c for c in CARRIERS if c["id"] in ("fedex", "royal-mail")])
    carriers[1]["formats"].append(
        {
            "regex": "^([0-9]{11})([0-9])$",
            "check": "mod11-137",
            "distinctive": False,
            "description": "twelve digits",
        }
    )
    fails_for_fedex = "996578788855"  # nor for the copy of FedEx's format, so no rival
    assert [
        f["rule"] for f in check_tracking(fails_for_fedex, "FedEx", None, carriers)["findings"]
    ] == ["tracking-check-digit"]
    carriers[0]["formats"] = [
        {
            "regex": "^([0-9]{11})([0-9])$",
            "check": "mod7",
            "distinctive": False,
            "description": "twelve digits",
        }
    ]
    fits_royal_mail = "986578788855"  # fails mod 7, passes the non-distinctive copy: still no rival
    assert [
        f["rule"] for f in check_tracking(fits_royal_mail, "FedEx", None, carriers)["findings"]
    ] == ["tracking-check-digit"]
    carriers[1]["formats"][-1]["distinctive"] = True
    assert [
        f["rule"] for f in check_tracking(fits_royal_mail, "FedEx", None, carriers)["findings"]
    ] == ["tracking-check-digit", "tracking-carrier-mismatch"]


def test_the_data_file_is_canonical():
    text = CARRIERS_FILE.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_the_bundle_carries_the_carriers(client):
    carriers = client.get("/api/v1/bundle").get_json()["carriers"]
    assert [c["id"] for c in carriers] == [c["id"] for c in CARRIERS]
    assert all(isinstance(c["aliases"], list) for c in carriers)


def good_file():
    return {"carriers": copy.deepcopy(CARRIERS[:2])}


def with_format(**changes):
    document = good_file()
    document["carriers"][0]["formats"][0].update(changes)
    return document


@pytest.mark.parametrize(
    ("document", "needle"),
    [
        (with_format(colour="brown"), "Unknown field"),
        (with_format(check="luhn"), "Must be one of"),
        (with_format(regex="1Z([0-9A-Z]{15})([0-9])"), "start with ^"),
        (with_format(regex="^1Z(?P<body>[0-9A-Z]{15})([0-9])$"), "Named groups"),
        (with_format(regex="^1Z[0-9A-Z]{15}([0-9])$"), "exactly two groups"),
        (with_format(regex="^1Z([0-9A-Z]{15}$"), "Not a valid regular expression"),
        (with_format(check="none"), "no groups"),
        (with_format(check_prefix="9a"), "1 to 4 digits"),
        ({"carriers": [CARRIERS[0], {**CARRIERS[1], "amazon_names": ["ups"]}]}, "is used by"),
        ({"carriers": [CARRIERS[0], CARRIERS[0]]}, "Duplicate"),
        ({"carriers": [{**CARRIERS[0], "marketplaces": ["usa"]}]}, "marketplace code"),
    ],
)
def test_the_schema_rejects_bad_carriers(document, needle):
    with pytest.raises(ValidationError) as raised:
        CarriersFileSchema().load(document)
    assert needle in json.dumps(raised.value.messages)


def test_a_team_can_replace_a_carrier_but_not_name_a_missing_marketplace(team_dir):
    replaced = {**CARRIERS[0], "name": "UPS (team)"}
    write_json(team_dir / "carriers.json", {"carriers": [replaced]})
    data = load_data(team_dir)
    assert [c["name"] for c in data.carriers if c["id"] == "ups"] == ["UPS (team)"]
    assert len(data.carriers) == len(CARRIERS)
    write_json(
        team_dir / "carriers.json", {"carriers": [{**replaced, "marketplaces": ["US", "ZZ"]}]}
    )
    with pytest.raises(DataError) as raised:
        load_data(team_dir)
    assert "'ZZ'" in str(raised.value)
