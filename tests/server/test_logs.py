"""Logs never contain buyer message text or order data, whatever happens to a request."""

import logging

import pytest
from shipguard.app import create_app
from shipguard.web import api

from .test_status_page import page_version

SECRET_TEXT = "Dear Jane Roe, 12 Secret Lane"
SECRET_ORDER = "113-9999999-1234567"


@pytest.fixture
def quiet_app():
    """The app as production runs it: exceptions become 500s instead of reaching the test."""
    return create_app({"DATA_DIR": None, "PROPAGATE_EXCEPTIONS": False})


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def assert_absent(caplog):
    logged = caplog.text + "".join(
        str(record.args) + (record.exc_text or "") for record in caplog.records
    )
    assert SECRET_TEXT not in logged and SECRET_ORDER not in logged


def render_body(**fields):
    return {
        "template": "delay-weather",
        "locale": "en-US",
        "fields": {"order_id": SECRET_ORDER, "buyer_name": SECRET_TEXT, **fields},
    }


def test_render_calls_log_no_message_or_order_data(quiet_app, logs):
    client = quiet_app.test_client()
    assert client.post("/api/v1/render", json=render_body()).status_code == 200
    assert (
        client.post("/api/v1/render", json={**render_body(), "note": SECRET_TEXT}).status_code
        == 422
    )
    assert client.post("/api/v1/render", json=render_body(order_id=7)).status_code == 422
    bad_json = '{"fields": {"order_id": "' + SECRET_ORDER + '", ' + SECRET_TEXT
    assert (
        client.post("/api/v1/render", data=bad_json, content_type="application/json").status_code
        == 400
    )
    big = render_body(buyer_name=SECRET_TEXT * 3000)
    assert client.post("/api/v1/render", json=big).status_code == 413
    assert_absent(logs)


def test_unexpected_error_is_logged_without_its_message(quiet_app, logs, monkeypatch):
    def broken_render(template, locale, fields, date_formats):
        raise ValueError(f"cannot render {fields['order_id']}: {fields['buyer_name']}")

    monkeypatch.setattr(api, "render_message", broken_render)
    response = quiet_app.test_client().post("/api/v1/render", json=render_body())
    assert response.status_code == 500
    assert "Unexpected ValueError in POST /api/v1/render" in logs.text
    assert_absent(logs)


def test_lint_calls_log_no_message_text(quiet_app, logs):
    client = quiet_app.test_client()
    text = f"{SECRET_TEXT}, order {SECRET_ORDER}: please leave a 5 star review at http://x.example"
    assert client.post("/api/v1/lint", json={"text": text, "locale": "en-US"}).status_code == 200
    assert client.post("/api/v1/lint", json={"text": text, "locale": "english"}).status_code == 422
    assert client.post("/api/v1/lint", json={"text": text, "extra": SECRET_TEXT}).status_code == 422
    assert_absent(logs)


def test_rejected_template_edit_logs_no_text(team_dir, logs):
    token = "team-token-0123456789abcdef"
    app = create_app({"TESTING": True, "DATA_DIR": str(team_dir), "TOKEN": token})
    client = app.test_client()
    page = client.get("/").get_data(as_text=True)
    csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
    form = {
        "csrf_token": csrf,
        "token": token,
        "subject": SECRET_TEXT,
        "body": f"{SECRET_ORDER} {{nope}}",
        "name": SECRET_TEXT,
        "version": page_version(client),
    }
    assert client.post("/templates/delay-weather/en-US", data=form).status_code == 422
    assert_absent(logs)
