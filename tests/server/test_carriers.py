"""The carriers data: its schema, canonical form, place in the bundle and team layering.

The checks themselves run in the extension (extension/core/tracking.js), tested under node
with the shared vectors (tests/js/tracking.test.js).
"""

import copy
import json
import subprocess
from pathlib import Path

import pytest
from marshmallow import ValidationError
from shipguard import config
from shipguard.bundle.datastore import load_data
from shipguard.bundle.problems import DataError
from shipguard.bundle.schemas.carriers import CHECKS, CarriersFileSchema

from .helpers import write_json

ROOT = Path(__file__).resolve().parents[2]
CARRIERS_FILE = config.default_data_dir() / "carriers.json"
CARRIERS = json.loads(CARRIERS_FILE.read_text(encoding="utf-8"))["carriers"]


def test_the_schema_and_the_extension_know_the_same_checks():
    script = (
        'import { CHECK_DIGITS } from "./extension/core/tracking.js";'
        "console.log(JSON.stringify(Object.keys(CHECK_DIGITS)));"
    )
    shown = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    assert set(CHECKS) == set(json.loads(shown.stdout)) | {"none"}


def test_the_data_file_is_canonical():
    text = CARRIERS_FILE.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_the_bundle_carries_the_carriers(client):
    carriers = client.get("/api/v1/bundle").get_json()["carriers"]
    assert [c["id"] for c in carriers] == [c["id"] for c in CARRIERS]
    assert all(isinstance(c["aliases"], list) for c in carriers)


def good_file():
    """Two carriers with formats of their own (the others take theirs from the dataset)."""
    return {"carriers": copy.deepcopy([c for c in CARRIERS if c["id"] in ("dhl", "evri")])}


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
        (with_format(serial_prefix={"if_matches": "^", "prepend": "9a"}), "1 to 4 digits"),
        (with_format(source=" "), "blank"),
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
