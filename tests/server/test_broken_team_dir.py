"""Each broken team folder in tests/fixtures/broken-team is rejected precisely, live and at start."""

import json
import shutil
from pathlib import Path

import pytest
from shipguard.app import create_app
from shipguard.bundle.datastore import load_data
from shipguard.bundle.problems import DataError
from shipguard.bundle.reloader import EXTENSION_KEY

from .helpers import run_cli, team_template, write_json

BROKEN = Path(__file__).resolve().parent.parent / "fixtures" / "broken-team"
CASES = json.loads((BROKEN / "cases.json").read_text(encoding="utf-8"))


def expected_file(team_dir, case):
    """The file a case's problem names (cases.json gives it relative to the team folder)."""
    return team_dir / case["file"]


def matching(problems, file, case):
    return [
        problem
        for problem in problems
        if problem.file == str(file)
        and problem.where == case["where"]
        and case["reason"] in problem.reason
    ]


@pytest.fixture
def good_team(team_dir):
    """A valid team folder: its own note template, used by the tests as the last good state."""
    write_json(team_dir / "messages/team-note.json", team_template())
    return team_dir


def test_every_case_directory_is_listed_and_vice_versa():
    folders = {path.name for path in BROKEN.iterdir() if path.is_dir()}
    assert folders == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_folder_is_rejected_naming_file_and_field(good_team, name):
    case = CASES[name]
    shutil.copytree(BROKEN / name, good_team, dirs_exist_ok=True)
    with pytest.raises(DataError) as raised:
        load_data(good_team)
    assert matching(raised.value.problems, expected_file(good_team, case), case), str(raised.value)


@pytest.mark.parametrize("name", sorted(CASES))
def test_running_app_keeps_serving_the_last_good_bundle(good_team, name):
    app = create_app({"TESTING": True, "DATA_DIR": str(good_team)})
    client = app.test_client()
    before = client.get("/api/v1/bundle")
    shutil.copytree(BROKEN / name, good_team, dirs_exist_ok=True)

    reloader = app.extensions[EXTENSION_KEY]
    assert reloader.check() is False
    assert matching(reloader.problems, expected_file(good_team, CASES[name]), CASES[name])
    after = client.get("/api/v1/bundle")
    assert after.data == before.data and after.headers["ETag"] == before.headers["ETag"]
    assert (
        client.get("/api/v1/bundle", headers={"If-None-Match": before.headers["ETag"]}).status_code
        == 304
    )
    page = client.get("/").get_data(as_text=True)
    assert "was rejected" in page and CASES[name]["where"] in page


def test_cli_check_names_the_file(good_team):
    shutil.copytree(BROKEN / "wrong-type", good_team, dirs_exist_ok=True)
    result = run_cli("check", "--data-dir", good_team)
    assert result.returncode == 1
    assert f"{good_team / 'rules.json'}: due_soon_hours: Not a valid number" in result.stderr
