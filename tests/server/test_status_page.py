"""The status page: what it shows, who may read it, and template edits guarded by token and CSRF."""

import base64
import json
import re

import pytest
from markupsafe import escape
from shipguard.app import create_app
from shipguard.buyer_messages.examples import rendered_examples
from shipguard.web.auth import CSRF_COOKIE
from shipguard.web.htmlpage import HTML_CSP

from .helpers import default_template, write_json

TOKEN = "team-token-0123456789abcdef"
REMOTE = {"REMOTE_ADDR": "203.0.113.7"}


@pytest.fixture
def editable(team_dir):
    """(app, client, team_dir) with a team folder and a token: editing on."""
    app = create_app({"TESTING": True, "DATA_DIR": str(team_dir), "TOKEN": TOKEN})
    return app, app.test_client(), team_dir


def page_form(client):
    """GET / and return (page text, csrf token from the form); the client keeps the cookie."""
    page = client.get("/").get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    return page, match.group(1) if match else None


def page_version(client, template="delay-weather", locale="en-US"):
    """The version the page's edit form for one template language starts from."""
    page = client.get("/").get_data(as_text=True)
    match = re.search(
        rf'action="/templates/{template}/{locale}">\s*<input[^>]*>\s*'
        r'<input type="hidden" name="version" value="([^"]+)">',
        page,
    )
    return match.group(1) if match else "no-form"


def edited_body():
    """The shipped en-US body with another greeting, as a browser sends it (CRLF)."""
    body = default_template("delay-weather")["locales"]["en-US"]["body"]
    return body.replace("Hello,", "Hi there,", 1).replace("\n", "\r\n")


def save(client, csrf, template="delay-weather", locale="en-US", headers=None, **form):
    data = {
        "csrf_token": csrf,
        "token": TOKEN,
        "subject": "Weather delay for {order_id}",
        "body": edited_body(),
        "name": "Ana",
        **form,
    }
    if "version" not in data:
        data["version"] = page_version(client, template, locale)
    return client.post(f"/templates/{template}/{locale}", data=data, headers=headers or {})


def test_page_shows_bundle_sources_rules_adapters_and_templates(client, app):
    response = client.get("/")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    bundle = app.extensions["shipguard"]
    assert bundle.version in page
    assert "rules.json" in page and "marketplaces.json" in page
    assert "copy-delay-out-of-stock" in page and "orders-list" in page
    for template in bundle.data.templates:
        for locale in template["locales"]:
            assert f'id="template-{template["id"]}-{locale}"' in page
    # Every language is shown rendered, its placeholders filled with their examples.
    template = bundle.data.template("delay-weather")
    for language in rendered_examples(template, bundle.data.lint, bundle.data.date_formats):
        assert str(escape(language["body"])) in page and "{" not in language["body"]


def test_page_headers(client):
    response = client.get("/")
    assert response.headers["Content-Security-Policy"] == HTML_CSP
    assert "script-src" not in HTML_CSP and "'unsafe-inline'" not in HTML_CSP
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
    assert "<script" not in response.get_data(as_text=True)
    with client.get("/static/shipguard.css") as stylesheet:
        assert stylesheet.status_code == 200 and stylesheet.mimetype == "text/css"


def test_page_text_is_escaped(team_dir):
    template = default_template("delay-weather")
    template["title"] = "<script>alert(1)</script>"
    write_json(team_dir / "messages/delay-weather.json", template)
    page = (
        create_app({"TESTING": True, "DATA_DIR": str(team_dir)})
        .test_client()
        .get("/")
        .get_data(as_text=True)
    )
    assert (
        "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    )


def test_remote_reader_needs_the_token(editable):
    _, client, _ = editable
    refused = client.get("/", environ_base=REMOTE)
    assert refused.status_code == 401 and refused.headers["WWW-Authenticate"].startswith("Basic")
    assert (
        client.get("/", environ_base=REMOTE, auth=("team", "wrong-token-0123456789")).status_code
        == 401
    )
    assert client.get("/", environ_base=REMOTE, auth=("team", TOKEN)).status_code == 200
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    assert client.get("/", environ_base=REMOTE, headers=bearer).status_code == 200


def test_remote_reader_without_a_configured_token_is_refused(client):
    assert client.get("/", environ_base=REMOTE).status_code == 403


def test_proxied_request_from_loopback_is_not_local(editable):
    _, client, _ = editable
    assert client.get("/", headers={"X-Forwarded-For": "198.51.100.4"}).status_code == 401


def test_valid_edit_is_saved_atomically_and_served(editable):
    app, client, team_dir = editable
    _, csrf = page_form(client)
    response = save(client, csrf)
    assert response.status_code == 303
    saved = json.loads((team_dir / "messages/delay-weather.json").read_text(encoding="utf-8"))
    assert saved["locales"]["en-US"]["body"] == edited_body().replace("\r\n", "\n")
    assert saved["title"] == default_template("delay-weather")["title"]
    assert not [path for path in (team_dir / "messages").iterdir() if path.name.startswith(".")]
    bundle = client.get("/api/v1/bundle").get_json()
    served = next(t for t in bundle["templates"] if t["id"] == "delay-weather")
    assert served["locales"]["en-US"]["subject"] == "Weather delay for {order_id}"
    assert "Saved delay-weather (en-US)" in client.get(response.headers["Location"]).get_data(
        as_text=True
    )


def test_invalid_edit_is_rejected_with_reasons_and_nothing_written(editable):
    app, client, team_dir = editable
    _, csrf = page_form(client)
    before = client.get("/api/v1/bundle").data
    response = save(client, csrf, body="Your parcel {tracking_id} is late.")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert (
        "Not saved" in page
        and "locales.en-US.body" in page
        and "{tracking_id} is not declared" in page
    )
    assert "Your parcel {tracking_id} is late." in page  # the edit is kept in the form
    assert str(team_dir / "messages/delay-weather.json") in page
    assert not (team_dir / "messages").exists()
    assert client.get("/api/v1/bundle").data == before


def test_edit_that_fails_lint_is_rejected(editable):
    _, client, team_dir = editable
    _, csrf = page_form(client)
    response = save(client, csrf, body="Hello,\r\nthe storm delays order {order_id}.")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "locales.en-US.body" in page and "lint" in page
    assert not (team_dir / "messages").exists()


@pytest.mark.parametrize(
    ("form", "headers", "status"),
    [
        ({"token": "not-the-team-token-000"}, {}, 401),
        ({"token": ""}, {}, 401),
        ({"csrf_token": "forged"}, {}, 403),
        ({}, {"Origin": "https://evil.example"}, 403),
        ({}, {"Sec-Fetch-Site": "cross-site"}, 403),
        ({}, {"Origin": "null"}, 403),
    ],
)
def test_edit_refused(editable, form, headers, status):
    _, client, team_dir = editable
    _, csrf = page_form(client)
    response = save(client, csrf, headers=headers, **form)
    assert response.status_code == status and response.get_json()["code"] == status
    assert not (team_dir / "messages").exists()


def test_same_origin_headers_and_basic_auth_are_accepted(editable):
    _, client, team_dir = editable
    _, csrf = page_form(client)
    headers = {
        "Origin": "http://localhost",
        "Sec-Fetch-Site": "same-origin",
        "Authorization": "Basic " + base64.b64encode(f"x:{TOKEN}".encode()).decode(),
    }
    assert save(client, csrf, headers=headers, token="").status_code == 303


def test_edit_without_the_csrf_cookie_is_refused(editable):
    app, _, team_dir = editable
    _, csrf = page_form(app.test_client())
    fresh = app.test_client()
    assert save(fresh, csrf).status_code == 403


def test_editing_is_off_without_token_or_folder(team_dir):
    no_token = create_app({"TESTING": True, "DATA_DIR": str(team_dir)}).test_client()
    page, csrf = page_form(no_token)
    assert csrf is None and "Editing is off" in page
    assert save(no_token, "x").status_code == 403
    no_folder = create_app({"TESTING": True, "TOKEN": TOKEN}).test_client()
    page, csrf = page_form(no_folder)
    assert csrf is None and "Editing is off" in page
    refused = save(no_folder, "x")
    assert refused.status_code == 403 and "team data folder" in refused.get_json()["message"]


def test_unknown_template_or_locale_is_404(editable):
    _, client, _ = editable
    _, csrf = page_form(client)
    assert save(client, csrf, template="no-such-template").status_code == 404
    assert save(client, csrf, locale="zz-ZZ").status_code == 404


def test_csrf_cookie_is_strict_and_http_only(editable):
    _, client, _ = editable
    cookie = client.get("/").headers["Set-Cookie"]
    assert (
        cookie.startswith(f"{CSRF_COOKIE}=")
        and "HttpOnly" in cookie
        and "SameSite=Strict" in cookie
    )


def test_weak_token_refuses_to_start():
    from shipguard.config import ConfigError

    with pytest.raises(ConfigError, match="at least 16"):
        create_app({"TESTING": True, "TOKEN": "secret"})


def test_edit_with_the_team_folder_gone_is_rejected(editable):
    _, client, team_dir = editable
    _, csrf = page_form(client)
    team_dir.rmdir()
    response = save(client, csrf)
    assert response.status_code == 422 and "does not exist" in response.get_data(as_text=True)
    assert not team_dir.exists()
