"""Settings of the team server: token, reload interval and waitress options, from flags or env."""

import pytest
from shipguard.cli import _parser
from shipguard.commands.serve import waitress_settings
from shipguard.config import (
    ConfigError,
    parse_allowed_hosts,
    parse_reload_interval,
    parse_token,
    settings_from_env,
)

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
        # No proxy declared: forwarding headers reach the app, which then never calls a
        # request local.
        "clear_untrusted_proxy_headers": False,
        "asyncore_use_poll": True,
    }


def test_a_declared_proxy_is_the_only_one_believed(monkeypatch):
    monkeypatch.delenv("SHIPGUARD_TRUSTED_PROXY_HEADERS", raising=False)
    monkeypatch.setenv("SHIPGUARD_TRUSTED_PROXY", "127.0.0.1")
    settings = waitress_settings(_parser().parse_args(["serve"]))
    assert settings["trusted_proxy"] == "127.0.0.1"
    assert settings["trusted_proxy_headers"] == [
        "x-forwarded-for",
        "x-forwarded-host",
        "x-forwarded-proto",
    ]
    assert settings["clear_untrusted_proxy_headers"] is True


@pytest.mark.parametrize("headers", ["x-bogus", "forwarded x-forwarded-for", ""])
def test_serve_refuses_proxy_headers_waitress_cannot_believe(headers):
    result = run_cli(
        "serve", "--port", "1", "--trusted-proxy", "127.0.0.1", "--trusted-proxy-headers", headers
    )
    assert result.returncode == 1 and "SHIPGUARD_TRUSTED_PROXY_HEADERS" in result.stderr


@pytest.mark.parametrize("value", ["https://shipguard.example.com", "host:8417", "a b", "*"])
def test_serve_refuses_allowed_hosts_that_are_not_host_names(value):
    result = run_cli("serve", "--port", "1", env={"SHIPGUARD_ALLOWED_HOSTS": value})
    assert result.returncode == 1 and "SHIPGUARD_ALLOWED_HOSTS" in result.stderr


def test_allowed_hosts_from_the_environment():
    settings = settings_from_env(
        {"SHIPGUARD_ALLOWED_HOSTS": "Shipguard.Example.com, .corp.example"}
    )
    assert parse_allowed_hosts(settings["ALLOWED_HOSTS"]) == (
        "shipguard.example.com",
        ".corp.example",
    )


def test_serve_refuses_a_non_positive_thread_count():
    with pytest.raises(SystemExit):
        _parser().parse_args(["serve", "--threads", "0"])


def test_serve_refuses_a_weak_token():
    result = run_cli("serve", "--port", "1", env={"SHIPGUARD_TOKEN": "secret"})
    assert result.returncode == 1 and "SHIPGUARD_TOKEN" in result.stderr
