"""`shipguard lint`'s data: validated once per exact content, then read from the user's cache;
a changed file is validated again, and refused naming its file and field when bad."""

import pytest
from shipguard.bundle import datastore
from shipguard.bundle.problems import DataError
from shipguard.bundle.validated_lint import pattern_needs, validated_lint

from .helpers import default_document, problem_lines, run_cli, write_json


def team_rule(**changes):
    rule = next(r for r in default_document("lint.json")["rules"] if r["id"] == "no-phone-numbers")
    return {**rule, **changes}


def test_unchanged_data_is_validated_once_and_read_back_the_same(tmp_path, validations):
    first = validated_lint(cache_dir=tmp_path)
    second = validated_lint(cache_dir=tmp_path)
    assert len(validations) == 1
    assert first == second
    assert first[0] == datastore.load_data().lint
    assert first[1] == pattern_needs(first[0])
    assert len(list(tmp_path.glob("lint-*.json"))) == 1


def test_a_team_file_changed_after_its_validation_is_validated_again_and_refused(
    tmp_path, team_dir, validations
):
    path = write_json(team_dir / "lint.json", {"rules": [team_rule(severity="warning")]})
    lint, _ = validated_lint(team_dir, cache_dir=tmp_path)
    assert next(r for r in lint["rules"] if r["id"] == "no-phone-numbers")["severity"] == "warning"
    write_json(path, {"rules": [team_rule(severity="fatal")]})
    with pytest.raises(DataError) as refused:
        validated_lint(team_dir, cache_dir=tmp_path)
    assert any("rules.0.severity" in line for line in problem_lines(refused.value, path))
    assert len(validations) == 2


def test_a_missing_team_folder_is_refused_though_the_defaults_were_validated(tmp_path):
    validated_lint(cache_dir=tmp_path / "cache")
    with pytest.raises(DataError, match="does not exist"):
        validated_lint(tmp_path / "no-such-team", cache_dir=tmp_path / "cache")


def test_the_command_refuses_a_bad_team_lint_file_naming_file_and_field(tmp_path, team_dir):
    message = tmp_path / "m.txt"
    message.write_text("Order 112-1234567-1234567 ships tomorrow.", encoding="utf-8")
    path = write_json(team_dir / "lint.json", {"rules": [team_rule(severity="warning")]})
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert run_cli("lint", message, "--data-dir", team_dir, env=env).returncode == 0
    write_json(path, {"rules": [team_rule(patterns={"*": ["(?:a+)+b"]})]})
    result = run_cli("lint", message, "--data-dir", team_dir, env=env)
    assert result.returncode == 1
    assert f"{path}: rules.0.patterns" in result.stderr, result.stderr
