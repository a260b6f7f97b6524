"""Settings of the team server: token, reload interval and waitress options, from flags or env."""

import pytest
from shipguard.cli import _parser
from shipguard.commands.serve import waitress_settings
from shipguard.config import ConfigError, parse_reload_interval, parse_token, settings_from_env

from .helpers import run_cli


def test_env_gives_token_and_reload_interval():
    settings = settings_from_env({"SHIPGUARD_TOKEN": "t" * 20, "SHIPGUARD_RELOAD_INTERVAL": "5"})
    assert settings["TOKEN"] == "t" * 20 and settings["RELOAD_INTERVAL"] == "5"


@pytest.mark.parametrize("value", ["short", "has a space in it 123456", "x" * 15])
def test_weak_tokens_are_refused(value):
    with pytest.raises(ConfigError, match="SHIPGUARD_TOKEN"):
        parse_token(value)


def test_unset_token_is_none():
    assert parse_token(None) is None and parse_token("") is None


@pytest.mark.parametrize(("value", "seconds"), [(None, 0.0), ("0", 0.0), ("2", 2.0), (0.5, 0.5)])
def test_reload_interval(value, seconds):
    assert parse_reload_interval(value) == seconds


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "inf", "7200"])
def test_bad_reload_interval(value):
    with pytest.raises(ConfigError, match="SHIPGUARD_RELOAD_INTERVAL"):
        parse_reload_interval(value)


def test_serve_defaults_suit_many_keep_alive_clients(monkeypatch):
    for name in (
        "SHIPGUARD_THREADS",
        "SHIPGUARD_CONNECTION_LIMIT",
        "SHIPGUARD_BACKLOG",
        "SHIPGUARD_RELOAD_INTERVAL",
    ):
        monkeypatch.delenv(name, raising=False)
    args = _parser().parse_args(["serve"])
    settings = waitress_settings(args)
    assert settings["connection_limit"] >= 500 and settings["asyncore_use_poll"] is True
    assert float(args.reload_interval) == 2.0


def test_serve_options_come_from_env_and_flags(monkeypatch):
    monkeypatch.setenv("SHIPGUARD_THREADS", "3")
    monkeypatch.setenv("SHIPGUARD_CONNECTION_LIMIT", "300")
    args = _parser().parse_args(["serve", "--backlog", "64"])
    assert waitress_settings(args) == {
        "threads": 3,
        "connection_limit": 300,
        "backlog": 64,
        "channel_timeout": 120,
        "asyncore_use_poll": True,
    }


def test_serve_refuses_a_non_positive_thread_count():
    with pytest.raises(SystemExit):
        _parser().parse_args(["serve", "--threads", "0"])


def test_serve_refuses_a_weak_token():
    result = run_cli("serve", "--port", "1", env={"SHIPGUARD_TOKEN": "secret"})
    assert result.returncode == 1 and "SHIPGUARD_TOKEN" in result.stderr
