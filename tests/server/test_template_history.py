"""Template edits that lose nothing: a save on a stale version is refused showing both texts,
every saved version is kept (beside the team folder, across restarts) and can be restored."""

import re

import pytest
from shipguard.app import create_app

from .test_status_page import TOKEN, page_form, page_version


@pytest.fixture
def make_app(team_dir):
    """A new app (a server restart) on the same team folder each call."""
    return lambda: create_app({"TESTING": True, "DATA_DIR": str(team_dir), "TOKEN": TOKEN})


def post(client, path, **form):
    _, csrf = page_form(client)
    data = {"csrf_token": csrf, "token": TOKEN, **form}
    return client.post(path, data=data)


def edit(client, body, name, version=None, subject="Weather delay for {order_id}"):
    version = version or page_version(client)
    return post(
        client,
        "/templates/delay-weather/en-US",
        subject=subject,
        body=body,
        name=name,
        version=version,
    )


def served_body(client):
    bundle = client.get("/api/v1/bundle").get_json()
    template = next(t for t in bundle["templates"] if t["id"] == "delay-weather")
    return template["locales"]["en-US"]["body"]


def history_section(page):
    match = re.search(
        r'<details class="history" id="history-delay-weather-en-US">(.*?)</details>', page, re.S
    )
    assert match, "no history for delay-weather en-US on the page"
    return match.group(1)


def test_save_on_a_stale_version_is_refused_with_both_texts(make_app, team_dir):
    app = make_app()
    ana, ben = app.test_client(), app.test_client()
    original = served_body(ana)
    ana_started_from = page_version(ana)
    ben_started_from = page_version(ben)
    ben_body = original.replace("Hello,", "Good morning,", 1)
    assert edit(ben, ben_body, "Ben", ben_started_from).status_code == 303

    ana_body = original.replace("Hello,", "Hi there,", 1)
    refused = edit(ana, ana_body, "Ana", ana_started_from)
    assert refused.status_code == 409
    page = refused.get_data(as_text=True)
    theirs = re.search(r'<pre id="conflict-theirs-body">(.*?)</pre>', page, re.S).group(1)
    yours = re.search(r'<pre id="conflict-yours-body">(.*?)</pre>', page, re.S).group(1)
    assert "Good morning," in theirs and "Hi there," in yours
    assert served_body(ana) == ben_body  # Ben's text is still the one served

    # Saving again from the conflict page (its form now starts from Ben's version) is accepted.
    assert edit(ana, ana_body, "Ana", page_version_in(page)).status_code == 303
    assert served_body(ana) == ana_body


def page_version_in(page):
    return re.search(
        r'action="/templates/delay-weather/en-US">\s*<input[^>]*>\s*'
        r'<input type="hidden" name="version" value="([^"]+)">',
        page,
    ).group(1)


def test_every_version_is_kept_across_a_restart_with_who_when_and_diff(make_app, team_dir):
    client = make_app().test_client()
    original = served_body(client)
    first = original.replace("Hello,", "Good morning,", 1)
    assert edit(client, first, "Ben").status_code == 303
    assert edit(client, first + "\nSee you soon.", "Ana").status_code == 303

    restarted = make_app().test_client()
    history = history_section(restarted.get("/").get_data(as_text=True))
    assert "History (3 versions)" in restarted.get("/").get_data(as_text=True)
    assert "Saved by <strong>Ana</strong>" in history
    assert "Saved by <strong>Ben</strong>" in history
    assert "The text before the first edit saved here" in history
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", history)
    assert '<span class="added">+See you soon.</span>' in history
    assert (
        '<span class="removed">-Hello,' in history
        and '<span class="added">+Good morning,' in history
    )
    assert (team_dir.parent / "team.history.sqlite3").is_file()
    assert not [path.name for path in team_dir.iterdir() if "history" in path.name]


def test_restoring_an_earlier_version_is_itself_an_edit(make_app):
    client = make_app().test_client()
    original = served_body(client)
    assert edit(client, original.replace("Hello,", "Hey,", 1), "Ben").status_code == 303
    page = client.get("/").get_data(as_text=True)
    before_edit = re.search(
        r'<li id="version-(\d+)">\s*<p>The text before the first edit', history_section(page)
    ).group(1)

    restored = post(
        client,
        "/templates/delay-weather/en-US/restore",
        restore=before_edit,
        version=page_version(client),
        name="Ana",
    )
    assert restored.status_code == 303
    assert served_body(client) == original
    history = history_section(client.get("/").get_data(as_text=True))
    assert "Saved by <strong>Ana</strong>" in history
    assert f"(restores version {before_edit})" in history
    assert history.count('<li id="version-') == 3


def test_restore_on_a_stale_version_is_refused(make_app):
    client = make_app().test_client()
    original = served_body(client)
    stale = page_version(client)
    assert edit(client, original.replace("Hello,", "Hey,", 1), "Ben").status_code == 303
    first = re.search(
        r'<li id="version-(\d+)">', history_section(client.get("/").get_data(as_text=True))
    )
    refused = post(
        client,
        "/templates/delay-weather/en-US/restore",
        restore=first.group(1),
        version=stale,
        name="Ana",
    )
    assert refused.status_code == 409
    assert "Hey," in served_body(client)


@pytest.mark.parametrize(("restore", "status"), [("not-a-number", 400), ("999", 404)])
def test_restoring_a_version_that_does_not_exist(make_app, restore, status):
    client = make_app().test_client()
    response = post(
        client,
        "/templates/delay-weather/en-US/restore",
        restore=restore,
        version=page_version(client),
        name="Ana",
    )
    assert response.status_code == status and response.get_json()["code"] == status


def test_a_save_without_its_starting_version_is_refused(make_app, team_dir):
    client = make_app().test_client()
    response = post(
        client, "/templates/delay-weather/en-US", subject="s {order_id}", body="b", name="Ana"
    )
    assert response.status_code == 400 and "version" in response.get_json()["message"]
    assert not (team_dir / "messages").exists()
