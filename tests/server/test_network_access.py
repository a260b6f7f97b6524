"""Safe on a network, checked through the real `shipguard serve` (waitress) on loopback: who
counts as local behind a proxy, which host names are answered, nested JSON, Vary: Origin."""

import json
import re
import socket

import pytest
import requests
from shipguard.commands.server_process import running_server

from .helpers import CHROME_ORIGIN, WEB_ORIGIN

TOKEN = "team-token-0123456789abcdef"
PUBLIC_NAME = "shipguard.example.com"
INTERNET_CLIENT = "203.0.113.9"


def environment(**settings):
    """A bare environment with these SHIPGUARD_* settings only."""
    return {"PATH": "/usr/bin:/bin", **settings}


@pytest.fixture(scope="module")
def plain():
    """Bound to loopback, no proxy declared, with a team token."""
    with running_server(env=environment(SHIPGUARD_TOKEN=TOKEN)) as running:
        yield running.url


@pytest.fixture(scope="module")
def proxied():
    """Behind a reverse proxy on this host, declared as docs/server.md says."""
    env = environment(SHIPGUARD_TOKEN=TOKEN, SHIPGUARD_ALLOWED_HOSTS=PUBLIC_NAME)
    with running_server("--trusted-proxy", "127.0.0.1", env=env) as running:
        yield running.url


def status_page(url, headers=None, **options):
    return requests.get(f"{url}/", headers=headers or {}, timeout=5, **options)


def shows_the_status_page(response):
    return response.status_code == 200 and "Message templates" in response.text


def test_the_status_page_is_open_to_this_machine(plain):
    assert shows_the_status_page(status_page(plain))


def test_a_request_relayed_by_an_undeclared_proxy_is_not_local(plain):
    response = status_page(plain, {"X-Forwarded-For": INTERNET_CLIENT})
    assert response.status_code == 401 and "Message templates" not in response.text


@pytest.mark.parametrize(
    "forwarded_for",
    [INTERNET_CLIENT, f"127.0.0.1, {INTERNET_CLIENT}"],
    ids=["client", "client-claiming-loopback"],
)
def test_behind_a_declared_proxy_an_internet_client_needs_the_token(proxied, forwarded_for):
    headers = {"X-Forwarded-For": forwarded_for, "X-Forwarded-Host": PUBLIC_NAME}
    refused = status_page(proxied, headers)
    assert refused.status_code == 401 and "Message templates" not in refused.text
    assert refused.headers["WWW-Authenticate"].startswith("Basic")
    assert shows_the_status_page(status_page(proxied, headers, auth=("team", TOKEN)))


@pytest.mark.parametrize(
    "headers",
    [
        {"Host": "rebind.attacker.example"},
        {"Host": "rebind.attacker.example:8417"},
        {"Host": "localhost.attacker.example"},
    ],
)
def test_a_rebinding_host_name_is_refused(plain, headers):
    response = status_page(plain, headers)
    assert response.status_code == 400 and response.json()["code"] == 400
    assert "csrf" not in response.text and "Message templates" not in response.text
    assert "SHIPGUARD_ALLOWED_HOSTS" in response.json()["message"]


def test_a_proxy_forwarding_a_rebinding_host_name_is_refused(proxied):
    headers = {"X-Forwarded-For": INTERNET_CLIENT, "X-Forwarded-Host": "rebind.attacker.example"}
    response = status_page(proxied, headers, auth=("team", TOKEN))
    assert response.status_code == 400


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", PUBLIC_NAME])
def test_known_host_names_are_answered(proxied, host):
    assert requests.get(f"{proxied}/healthz", headers={"Host": host}, timeout=5).status_code == 200


def test_bound_beyond_loopback_the_status_page_needs_the_token_even_here():
    with running_server("--host", "0.0.0.0", env=environment(SHIPGUARD_TOKEN=TOKEN)) as running:
        url = running.url
        refused = status_page(url)
        assert refused.status_code == 401 and "Message templates" not in refused.text
        assert shows_the_status_page(status_page(url, auth=("team", TOKEN)))


def nested(depth, opening="[", closing="]"):
    return opening * depth + closing * depth


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/lint", nested(20_000)),
        ("/api/v1/lint", '{"a":' * 6_000 + "1" + "}" * 6_000),
        ("/api/v1/lint", '{"text": ' + nested(10_000) + "}"),
        ("/api/v1/render", '{"template": "delay-weather", "fields": ' + nested(9_000) + "}"),
        ("/api/v1/render", '[{"a":' * 5_000 + "0" + "}]" * 5_000),
        ("/api/v1/lint", '{"text": "ok", "locale": ' + nested(9) + "}"),
    ],
    ids=["arrays", "objects", "in-text", "in-fields", "mixed", "just-too-deep"],
)
def test_deeply_nested_json_is_a_400_json_error(plain, path, body):
    response = requests.post(
        f"{plain}{path}", data=body, headers={"Content-Type": "application/json"}, timeout=10
    )
    assert response.status_code == 400
    assert response.json()["code"] == 400 and "deeper than" in response.json()["message"]


def test_json_that_nests_brackets_inside_strings_is_fine(plain):
    text = "[" * 50 + " {{order_id}} " + "]" * 50
    response = requests.post(f"{plain}/api/v1/lint", json={"text": text}, timeout=5)
    assert response.status_code == 200 and "findings" in response.json()


@pytest.mark.parametrize("path", ["/api/v1/templates", "/api/v1/openapi.json", "/api/v1/bundle"])
@pytest.mark.parametrize("origin", [WEB_ORIGIN, CHROME_ORIGIN, None])
def test_every_answer_varies_by_origin(plain, path, origin):
    headers = {"Origin": origin} if origin else {}
    response = requests.get(f"{plain}{path}", headers=headers, timeout=5)
    assert response.status_code == 200
    vary = {item.strip() for item in re.split(r",", response.headers.get("Vary", ""))}
    assert "Origin" in vary
    allowed = response.headers.get("Access-Control-Allow-Origin")
    assert allowed == (CHROME_ORIGIN if origin == CHROME_ORIGIN else None)


def test_json_errors_keep_their_shape(plain):
    response = requests.post(
        f"{plain}/api/v1/lint", data="{", headers={"Content-Type": "application/json"}, timeout=5
    )
    assert response.status_code == 400 and set(json.loads(response.text)) >= {"code", "message"}


def test_a_request_without_a_host_header_is_answered(plain):
    """HTTP/1.0 health checks send no Host; browsers (and so rebinding pages) always do."""
    host, port = plain.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.sendall(b"GET /healthz HTTP/1.0\r\n\r\n")
        answer = b""
        while chunk := connection.recv(4096):
            answer += chunk
    assert answer.startswith(b"HTTP/1.0 200") and b'"status":"ok"' in answer.replace(b" ", b"")
