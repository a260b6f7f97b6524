"""`shipguard check` and `shipguard serve` exit codes and messages, run as real processes."""

from .helpers import write_json


def test_check_passes_on_the_shipped_data(runner):
    result = runner("check")
    assert result.returncode == 0, result.stderr
    assert "Data OK" in result.stdout and "templates" in result.stdout


def test_check_passes_with_a_valid_team_folder(runner, team_dir):
    write_json(team_dir / "rules.json", {"due_soon_hours": 12})
    result = runner("check", "--data-dir", team_dir)
    assert result.returncode == 0, result.stderr
    assert str(team_dir) in result.stdout


def test_check_fails_naming_file_and_field(runner, team_dir):
    rules = write_json(team_dir / "rules.json", {"due_soon_hours": "soon"})
    result = runner("check", "--data-dir", team_dir)
    assert result.returncode == 1
    assert f"{rules}: due_soon_hours: Not a valid number." in result.stderr
    assert "Traceback" not in result.stderr


def test_check_reads_the_data_dir_from_the_environment(runner, team_dir):
    write_json(team_dir / "pages/orders-list.json", "{ not json")
    result = runner("check", env={"SHIPGUARD_DATA_DIR": str(team_dir)})
    assert result.returncode == 1
    assert "orders-list.json: line 1 column 3: Invalid JSON" in result.stderr


def test_serve_refuses_to_start_on_broken_data(runner, team_dir):
    write_json(team_dir / "marketplaces.json", {"marketplaces": [{"code": "US"}]})
    result = runner("serve", "--port", "1", "--data-dir", team_dir)
    assert result.returncode == 1
    assert "marketplaces.0.time_zone: Missing data" in result.stderr


def test_unknown_command_is_a_usage_error(runner):
    result = runner("frobnicate")
    assert result.returncode == 2
    assert "usage: shipguard" in result.stderr
