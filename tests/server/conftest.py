"""Fixtures for the server tests: an app on the default data, its client, a team folder."""

import pytest
from shipguard.app import create_app
from shipguard.bundle import datastore

from .helpers import run_cli


@pytest.fixture
def app():
    return create_app({"TESTING": True, "DATA_DIR": None})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner():
    """Runs the shipguard CLI in a child process and returns the CompletedProcess."""
    return run_cli


@pytest.fixture
def team_dir(tmp_path):
    """An empty team data folder; tests write the files they need into it."""
    folder = tmp_path / "team"
    folder.mkdir()
    return folder


@pytest.fixture
def validations(monkeypatch):
    """Counts full validations (every schema, lint rule example and template lint)."""
    calls = []
    validate = datastore._validated_layers

    def counted(*args):
        calls.append(args)
        return validate(*args)

    monkeypatch.setattr(datastore, "_validated_layers", counted)
    return calls
