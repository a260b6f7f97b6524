"""CORS: browser extensions may read the API, web pages may not."""

import pytest
from shipguard.app import create_app
from shipguard.config import ConfigError

from .helpers import CHROME_ORIGIN, FIREFOX_ORIGIN, WEB_ORIGIN

OTHER_CHROME_ORIGIN = "chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba"


def allowed_origin(client, origin, path="/api/v1/bundle"):
    return client.get(path, headers={"Origin": origin}).headers.get("Access-Control-Allow-Origin")


@pytest.mark.parametrize("origin", [CHROME_ORIGIN, FIREFOX_ORIGIN])
def test_extension_origins_are_allowed(client, origin):
    response = client.get("/api/v1/bundle", headers={"Origin": origin})
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]
    assert "Origin" in response.headers["Vary"]


@pytest.mark.parametrize(
    "origin",
    [
        WEB_ORIGIN,
        "https://sellercentral.amazon.com",
        "chrome-extension://abcdefghijklmnopabcdefghijklmnopq",  # 33 letters
        "chrome-extension://abcdefghijklmnopabcdefghijklmnoz",  # z is not a-p
        "chrome-extension://abcdefghijklmnopabcdefghijklmnop.evil.example",
        "null",
    ],
)
def test_other_origins_get_no_cors_headers(client, origin):
    assert allowed_origin(client, origin) is None


def test_preflight_for_render(client):
    response = client.options(
        "/api/v1/render",
        headers={
            "Origin": CHROME_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == CHROME_ORIGIN
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()


def test_preflight_from_a_web_page_is_not_allowed(client):
    response = client.options(
        "/api/v1/render", headers={"Origin": WEB_ORIGIN, "Access-Control-Request-Method": "POST"}
    )
    assert "Access-Control-Allow-Origin" not in response.headers


def test_errors_carry_cors_headers_for_extensions(client):
    response = client.get("/api/v1/nothing-here", headers={"Origin": CHROME_ORIGIN})
    assert response.status_code == 404
    assert response.headers["Access-Control-Allow-Origin"] == CHROME_ORIGIN


def test_allowlist_admits_only_the_listed_extensions():
    app = create_app({"DATA_DIR": None, "EXTENSION_IDS": "abcdefghijklmnopabcdefghijklmnop"})
    client = app.test_client()
    assert allowed_origin(client, CHROME_ORIGIN) == CHROME_ORIGIN
    assert allowed_origin(client, OTHER_CHROME_ORIGIN) is None
    assert allowed_origin(client, FIREFOX_ORIGIN) is None


def test_allowlist_from_the_environment(monkeypatch):
    ids = "ponmlkjihgfedcbaponmlkjihgfedcba, 3f2b8c1e-9a4d-4b6e-8f0a-1c2d3e4f5a6b"
    monkeypatch.setenv("SHIPGUARD_EXTENSION_IDS", ids)
    client = create_app({"DATA_DIR": None}).test_client()
    assert allowed_origin(client, OTHER_CHROME_ORIGIN) == OTHER_CHROME_ORIGIN
    assert allowed_origin(client, FIREFOX_ORIGIN) == FIREFOX_ORIGIN
    assert allowed_origin(client, CHROME_ORIGIN) is None


def test_malformed_allowlist_refuses_to_start():
    with pytest.raises(ConfigError, match="not-an-id"):
        create_app({"DATA_DIR": None, "EXTENSION_IDS": "not-an-id"})
