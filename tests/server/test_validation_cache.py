"""The validation cache: a start with unchanged data skips validation, any change is validated
in full (a bad file still refused naming file and field), a broken cache is ignored safely."""

import hashlib
import json
import logging
import os
from datetime import date

import pytest
from shipguard.bundle import datastore
from shipguard.bundle.document import load_bundle
from shipguard.bundle.problems import DataError
from shipguard.bundle.validation_cache import ValidationCache, default_cache_dir
from shipguard.buyer_messages import template_checks
from shipguard.commands.server_process import running_server

from .helpers import problem_lines, run_cli, team_template, write_json


@pytest.fixture
def validation_cache(tmp_path):
    return ValidationCache(tmp_path / "cache")


def entries(cache):
    return sorted(cache.folder.glob("validated-*.json"))


def test_unchanged_data_is_validated_once_and_serves_the_same_bytes(validation_cache, validations):
    uncached = load_bundle()
    first = load_bundle(cache=validation_cache)
    second = load_bundle(cache=validation_cache)
    assert len(validations) == 2  # the uncached load and the first cached one; not the second
    assert len(entries(validation_cache)) == 1
    assert first.body == second.body == uncached.body
    assert second.etag == uncached.etag
    assert second.gzip_body == uncached.gzip_body


def test_a_changed_team_file_is_validated_again_and_refused(
    validation_cache, team_dir, validations
):
    path = write_json(team_dir / "messages" / "team-note.json", team_template())
    assert load_bundle(team_dir, validation_cache).data.template("team-note") is not None
    # One byte: the key changes, so the old proof does not apply and the file is refused.
    path.write_text(path.read_text().replace('"team-note"', '"team-notE"', 1))
    with pytest.raises(DataError) as refused:
        load_bundle(team_dir, validation_cache)
    assert len(validations) == 2
    assert any("id" in line for line in problem_lines(refused.value, path))
    assert len(entries(validation_cache)) == 1  # invalid data is never cached


def test_changing_back_to_validated_content_uses_the_cache(validation_cache, team_dir, validations):
    path = write_json(team_dir / "messages" / "team-note.json", team_template())
    load_bundle(team_dir, validation_cache)
    path.write_text(path.read_text().replace("A team's own note", "A team's other note"))
    load_bundle(team_dir, validation_cache)
    path.write_text(path.read_text().replace("A team's other note", "A team's own note"))
    assert (
        load_bundle(team_dir, validation_cache).data.template("team-note")["title"]
        == "A team's own note"
    )
    assert len(validations) == 2


def _signed(body):
    return b"%s\n%s" % (
        json.dumps({"key": "?", "sha256": hashlib.sha256(body).hexdigest()}).encode(),
        body,
    )


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: b"",
        lambda raw: raw[: len(raw) // 2],
        lambda raw: raw.replace(b'"id"', b'"ID"', 1),  # the body no longer matches its hash
        lambda raw: b"not json\n" + raw.partition(b"\n")[2],
        lambda raw: bytes(range(256)),
        lambda raw: _signed(b'{"layers": []}'),  # well-formed, but not what this code writes
    ],
    ids=["empty", "truncated", "altered", "bad-header", "binary", "other-layout"],
)
def test_a_corrupt_entry_is_ignored_and_replaced(validation_cache, validations, damage, caplog):
    expected = load_bundle(cache=validation_cache)
    (entry,) = entries(validation_cache)
    damaged = damage(entry.read_bytes())
    if damaged.startswith(b'{"key": "?"'):
        damaged = damaged.replace(
            b'"?"', json.dumps(entry.stem.removeprefix("validated-")).encode(), 1
        )
    entry.write_bytes(damaged)
    with caplog.at_level(logging.WARNING):
        assert load_bundle(cache=validation_cache).body == expected.body
    assert len(validations) == 2
    assert load_bundle(cache=validation_cache).body == expected.body  # the rewritten entry serves
    assert len(validations) == 2


def test_an_unwritable_cache_folder_is_ignored(tmp_path, validations, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    unwritable = ValidationCache(blocker / "shipguard")
    with caplog.at_level(logging.WARNING):
        first = load_bundle(cache=unwritable)
        second = load_bundle(cache=unwritable)
    assert first.body == second.body
    assert len(validations) == 2
    assert "Cannot write the validation cache" in caplog.text


def test_an_entry_from_another_day_is_not_used(validation_cache, validations, monkeypatch):
    load_bundle(cache=validation_cache)
    monkeypatch.setattr(datastore, "utc_today", lambda: date(2026, 12, 24))
    load_bundle(cache=validation_cache)
    assert len(validations) == 2


def test_the_cache_folder_is_the_users(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "shipguard"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as XDG says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "shipguard"


def test_serve_fills_the_users_cache_and_still_refuses_a_changed_bad_file(tmp_path, team_dir):
    cache_home = tmp_path / "xdg-cache"
    env = {"XDG_CACHE_HOME": str(cache_home)}
    path = write_json(team_dir / "messages" / "team-note.json", team_template())
    environment = {**os.environ, **env}
    environment.pop("SHIPGUARD_DATA_DIR", None)
    with running_server(data_dir=team_dir, env=environment) as server:
        assert server.process.poll() is None
    assert len(list((cache_home / "shipguard").glob("validated-*.json"))) == 1
    with running_server(data_dir=team_dir, env=environment) as server:
        assert server.process.poll() is None
    # A bad change, with a proof for the previous content in the cache, is still refused.
    broken = json.loads(path.read_text())
    broken["locales"]["en-US"]["body"] += " {undeclared_placeholder}"
    write_json(path, broken)
    result = run_cli("serve", "--port", "0", "--data-dir", team_dir, env=env)
    assert result.returncode == 1
    assert str(path) in result.stderr
    assert "locales.en-US.body" in result.stderr


@pytest.fixture
def lint_checks(monkeypatch):
    """Counts the lint checks run (rule examples, template lint), as in a new process."""
    calls = {"rule-examples": 0, "template-lint": 0}
    for kind, name in (
        ("rule-examples", "_rule_example_problems"),
        ("template-lint", "_template_lint_problems"),
    ):
        check = getattr(template_checks, name)
        check.cache_clear()  # what this process remembers is not what a new one would

        def counted(*keys, kind=kind, check=check):
            calls[kind] += 1
            return check(*keys)

        monkeypatch.setattr(template_checks, name, counted)
    return calls


def test_after_a_change_only_what_changed_is_checked_again(validation_cache, team_dir, lint_checks):
    path = write_json(team_dir / "messages" / "team-note.json", team_template())
    load_bundle(team_dir, validation_cache)
    templates = len(load_bundle(team_dir, validation_cache).data.templates)
    assert lint_checks == {"rule-examples": 1, "template-lint": templates}
    path.write_text(path.read_text().replace("A team's own note", "A team's other note"))
    load_bundle(team_dir, validation_cache)
    assert lint_checks == {"rule-examples": 1, "template-lint": templates + 1}


def test_a_corrupt_proofs_file_is_ignored(validation_cache, lint_checks):
    load_bundle(cache=validation_cache)
    for entry in entries(validation_cache):
        entry.unlink()
    (validation_cache.folder / "proofs.json").write_bytes(b'{"not": "a list"')
    expected = dict(lint_checks)
    load_bundle(cache=validation_cache)
    assert lint_checks["rule-examples"] == expected["rule-examples"] + 1
