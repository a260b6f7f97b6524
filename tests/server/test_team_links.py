"""Symbolic links in the team folder are refused, naming the link, before any file is read."""

import logging

import pytest
from shipguard.app import create_app
from shipguard.bundle.datastore import load_data
from shipguard.bundle.problems import DataError
from shipguard.bundle.reloader import EXTENSION_KEY

from .helpers import problem_lines, team_template, write_json
from .test_status_page import TOKEN, page_form, save

# What a credentials file linked into the folder would show if it were read and validated.
SECRET_KEY_NAME = "aws_secret_access_key"


@pytest.fixture
def outside(tmp_path):
    """A folder beside the team folder: files a link could point at."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_a_linked_template_is_refused_naming_the_link(team_dir, outside):
    target = write_json(outside / "team-note.json", team_template())
    link = team_dir / "messages" / "team-note.json"
    link.parent.mkdir()
    link.symlink_to(target)
    with pytest.raises(DataError) as error:
        load_data(team_dir)
    assert problem_lines(error.value, link) == [
        f"{link}: A symbolic link; team data must be files inside the team folder "
        "(copy the file here instead of linking it)."
    ]


def test_a_linked_messages_folder_is_refused(team_dir, outside):
    write_json(outside / "messages" / "team-note.json", team_template())
    (team_dir / "messages").symlink_to(outside / "messages")
    with pytest.raises(DataError) as error:
        load_data(team_dir)
    assert problem_lines(error.value, team_dir / "messages")
    assert str(outside) not in str(error.value)


def test_a_linked_credentials_file_shows_neither_on_the_page_nor_in_the_log(
    team_dir, outside, caplog
):
    app = create_app({"TESTING": True, "DATA_DIR": str(team_dir)})
    client = app.test_client()
    before = client.get("/api/v1/bundle").data
    credentials = write_json(outside / "credentials.json", {SECRET_KEY_NAME: "do-not-show"})
    (team_dir / "rules.json").symlink_to(credentials)

    with caplog.at_level(logging.WARNING):
        assert app.extensions[EXTENSION_KEY].check(force=True) is False
    page = client.get("/").get_data(as_text=True)
    assert str(team_dir / "rules.json") in page and "A symbolic link" in page
    assert SECRET_KEY_NAME not in page and SECRET_KEY_NAME not in caplog.text
    assert str(team_dir / "rules.json") in caplog.text
    assert client.get("/api/v1/bundle").data == before


def test_an_edit_is_refused_while_the_folder_holds_a_link(team_dir, outside):
    app = create_app({"TESTING": True, "DATA_DIR": str(team_dir), "TOKEN": TOKEN})
    client = app.test_client()
    _, csrf = page_form(client)
    # The server would not start on such a folder; the link appears while it runs.
    (team_dir / "disabled.json").symlink_to(write_json(outside / "d.json", {"templates": []}))
    response = save(client, csrf)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert str(team_dir / "disabled.json") in page and "A symbolic link" in page
    assert not (team_dir / "messages").exists()


def test_links_that_loading_never_reads_are_left_alone(team_dir, outside):
    write_json(team_dir / "messages" / "team-note.json", team_template())
    (team_dir / "README.md").symlink_to(outside)
    (team_dir / "notes").symlink_to(outside)
    assert load_data(team_dir).template("team-note") is not None
