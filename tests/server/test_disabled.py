"""A team's disabled.json removes default records by id, and says so when an id names nothing."""

import pytest
from shipguard.bundle.datastore import load_data
from shipguard.bundle.problems import DataError

from .helpers import write_json


def ids(records):
    return [record["id"] for record in records]


def test_disabled_records_are_removed(team_dir):
    write_json(
        team_dir / "disabled.json",
        {
            "templates": ["delay-weather"],
            "remedies": ["copy-delay-weather"],
            "pages": ["orders-list"],
        },
    )
    data = load_data(team_dir)
    assert "delay-weather" not in ids(data.templates) and "delay-out-of-stock" in ids(
        data.templates
    )
    assert "copy-delay-weather" not in ids(data.rules["remedies"])
    assert "orders-list" not in ids(data.pages)
    assert team_dir / "disabled.json" in data.files


def test_empty_disabled_file_changes_nothing(team_dir):
    write_json(team_dir / "disabled.json", {})
    assert load_data(team_dir).templates == load_data().templates


def test_disabled_remedy_only(team_dir):
    write_json(team_dir / "disabled.json", {"remedies": ["copy-delay-weather"]})
    data = load_data(team_dir)
    assert "copy-delay-weather" not in ids(data.rules["remedies"])
    assert "delay-weather" in ids(data.templates)


@pytest.mark.parametrize(
    ("document", "where", "reason"),
    [
        ({"pages": ["orders-grid"]}, "pages.0", "No page adapter named 'orders-grid'"),
        ({"remedies": ["copy-x", "copy-x"]}, "remedies", "Duplicate value"),
        ({"templates": ["Delay_Weather"]}, "templates.0", "kebab-case"),
        ({"templates": [5]}, "templates.0", "Not a valid string"),
    ],
)
def test_bad_disabled_file_names_the_field(team_dir, document, where, reason):
    path = write_json(team_dir / "disabled.json", document)
    with pytest.raises(DataError) as raised:
        load_data(team_dir)
    assert any(
        problem.file == str(path) and problem.where == where and reason in problem.reason
        for problem in raised.value.problems
    ), str(raised.value)
