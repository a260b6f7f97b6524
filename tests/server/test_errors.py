"""Every error is JSON {code, status, message, errors?} with the right status, and no trace."""

import pytest
from shipguard.app import create_app

ERROR_KEYS = {"code", "status", "message"}


def assert_json_error(response, status):
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert ERROR_KEYS <= set(body) <= ERROR_KEYS | {"errors"}
    assert body["code"] == status
    assert body["message"]
    return body


def render(client, body, **kwargs):
    return client.post("/api/v1/render", json=body, **kwargs)


def test_unknown_path_is_404(client):
    body = assert_json_error(client.get("/api/v1/nothing-here"), 404)
    assert body["status"] == "Not Found"


def test_unknown_template_is_404(client):
    body = assert_json_error(
        render(client, {"template": "no-such-template", "locale": "en-US"}), 404
    )
    assert "no-such-template" in body["message"]


def test_wrong_method_is_405_with_allow(client):
    response = client.post("/api/v1/bundle")
    assert_json_error(response, 405)
    assert "GET" in response.headers["Allow"]
    assert_json_error(client.get("/api/v1/render"), 405)


def test_malformed_json_is_400(client):
    response = client.post("/api/v1/render", data='{"template": ', content_type="application/json")
    body = assert_json_error(response, 400)
    assert "JSON" in body["message"]


def test_empty_json_body_is_400(client):
    assert_json_error(client.post("/api/v1/render", data="", content_type="application/json"), 400)


def test_oversize_body_is_413(client):
    big = {"template": "delay-weather", "locale": "en-US", "fields": {"order_id": "x" * 70_000}}
    assert_json_error(render(client, big), 413)


def test_body_that_is_not_json_is_415(client):
    response = client.post(
        "/api/v1/render", data="template=delay-weather", content_type="text/plain"
    )
    assert_json_error(response, 415)
    form = client.post("/api/v1/render", data={"template": "delay-weather"})
    assert_json_error(form, 415)


def test_missing_fields_are_422_with_field_errors(client):
    body = assert_json_error(render(client, {"fields": {}}), 422)
    assert set(body["errors"]) == {"template", "locale"}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"template": "delay-weather", "locale": "en-US", "fields": {"order_id": 5}}, "fields"),
        ({"template": "delay-weather", "locale": "en-US", "fields": ["order_id"]}, "fields"),
        ({"template": "delay-weather", "locale": "english"}, "locale"),
        ({"template": "delay-weather", "locale": "en-US", "extra": 1}, "extra"),
        ({"template": "delay-weather", "locale": "pt-BR"}, "locale"),
    ],
)
def test_invalid_body_is_422_naming_the_field(client, payload, field):
    body = assert_json_error(render(client, payload), 422)
    assert field in body["errors"]


def test_body_that_is_not_an_object_is_422(client):
    body = assert_json_error(render(client, ["delay-weather"]), 422)
    assert body["errors"]


@pytest.fixture
def failing_client():
    """An app with a route that always fails, registered only here, as production would run."""
    app = create_app({"DATA_DIR": None, "PROPAGATE_EXCEPTIONS": False})

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret detail that must not leak")

    return app.test_client()


def test_unexpected_exception_is_500_without_details(failing_client):
    response = failing_client.get("/boom")
    body = assert_json_error(response, 500)
    assert body["status"] == "Internal Server Error"
    assert b"secret detail" not in response.data
    assert b"Traceback" not in response.data


@pytest.mark.parametrize("path", ["/api/v1/bundle", "/api/v1/nothing-here", "/healthz"])
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert (
        response.headers["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"
    )
    assert response.headers["Referrer-Policy"] == "no-referrer"
