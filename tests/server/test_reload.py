"""Hot reload: valid changes on disk are served after a check, broken ones never are."""

import os
import time

import pytest
from shipguard.app import create_app
from shipguard.bundle.reloader import EXTENSION_KEY

from .helpers import team_template, write_json


@pytest.fixture
def live(team_dir):
    """(app, client, reloader) on a team folder holding one template of its own."""
    write_json(team_dir / "messages/team-note.json", team_template())
    app = create_app({"TESTING": True, "DATA_DIR": str(team_dir)})
    return app, app.test_client(), app.extensions[EXTENSION_KEY]


def note_with_subject(subject):
    template = team_template()
    template["locales"]["en-US"]["subject"] = subject
    return template


def team_note(client):
    bundle = client.get("/api/v1/bundle").get_json()
    return next(template for template in bundle["templates"] if template["id"] == "team-note")


def test_changed_template_is_served_with_a_new_etag(live, team_dir):
    _, client, reloader = live
    before = client.get("/api/v1/bundle")
    # Revalidated twice, so the second 304 is the remembered one (web/bundle_replay.py).
    for _ in range(2):
        revalidation = {"If-None-Match": before.headers["ETag"]}
        assert client.get("/api/v1/bundle", headers=revalidation).status_code == 304
    write_json(
        team_dir / "messages/team-note.json", note_with_subject("Team update for {order_id}")
    )
    assert reloader.check() is True
    after = client.get("/api/v1/bundle")
    assert after.headers["ETag"] != before.headers["ETag"]
    assert team_note(client)["locales"]["en-US"]["subject"] == "Team update for {order_id}"
    assert (
        client.get("/api/v1/bundle", headers={"If-None-Match": before.headers["ETag"]}).status_code
        == 200
    )
    assert client.get("/healthz").get_json()["version"] == after.get_json()["version"]


def test_no_change_means_no_reload(live):
    _, _, reloader = live
    assert reloader.check() is False


def test_touching_a_file_keeps_etag_and_bytes(live, team_dir):
    _, client, reloader = live
    before = client.get("/api/v1/bundle")
    path = team_dir / "messages/team-note.json"
    later = time.time() + 120
    os.utime(path, (later, later))
    assert reloader.check() is False
    after = client.get("/api/v1/bundle")
    assert after.headers["ETag"] == before.headers["ETag"] and after.data == before.data


def test_broken_change_keeps_the_old_bundle_and_shows_the_problem(live, team_dir):
    _, client, reloader = live
    before = client.get("/api/v1/bundle")
    # Revalidated twice, so the second 304 is the remembered one (web/bundle_replay.py).
    for _ in range(2):
        revalidation = {"If-None-Match": before.headers["ETag"]}
        assert client.get("/api/v1/bundle", headers=revalidation).status_code == 304
    write_json(team_dir / "messages/team-note.json", note_with_subject("Tracking {tracking_id}"))
    assert reloader.check() is False
    assert client.get("/api/v1/bundle").data == before.data
    page = client.get("/").get_data(as_text=True)
    assert "was rejected" in page
    assert "team-note.json" in page and "locales.en-US.subject" in page and "{tracking_id}" in page

    write_json(team_dir / "messages/team-note.json", note_with_subject("Fixed {order_id}"))
    assert reloader.check() is True
    assert reloader.problems == ()
    assert "None: every data file is valid." in client.get("/").get_data(as_text=True)


def test_rejection_is_logged_with_file_and_field(live, team_dir, caplog):
    _, _, reloader = live
    write_json(team_dir / "rules.json", {"due_soon_hours": "soon"})
    reloader.check()
    assert f"{team_dir / 'rules.json'}: due_soon_hours: Not a valid number" in caplog.text


def test_a_deleted_team_folder_is_rejected(live, team_dir):
    _, client, reloader = live
    before = client.get("/api/v1/bundle").data
    (team_dir / "messages/team-note.json").unlink()
    (team_dir / "messages").rmdir()
    team_dir.rmdir()
    assert reloader.check() is False
    assert "does not exist" in reloader.problems[0].reason
    assert client.get("/api/v1/bundle").data == before


def test_removed_team_template_disappears(live, team_dir):
    _, client, reloader = live
    (team_dir / "messages/team-note.json").unlink()
    assert reloader.check() is True
    ids = [template["id"] for template in client.get("/api/v1/bundle").get_json()["templates"]]
    assert "team-note" not in ids


def test_background_thread_picks_up_a_change(team_dir):
    write_json(team_dir / "messages/team-note.json", team_template())
    app = create_app({"TESTING": True, "DATA_DIR": str(team_dir), "RELOAD_INTERVAL": 0.05})
    try:
        version = app.extensions["shipguard"].version
        write_json(team_dir / "messages/team-note.json", note_with_subject("Background {order_id}"))
        deadline = time.monotonic() + 5
        while app.extensions["shipguard"].version == version and time.monotonic() < deadline:
            time.sleep(0.05)
        assert app.extensions["shipguard"].version != version
    finally:
        app.extensions["shipguard.reload_stop"].set()


def test_no_background_thread_unless_configured(app):
    assert "shipguard.reload_stop" not in app.extensions
