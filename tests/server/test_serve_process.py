"""The real `shipguard serve` process (waitress), checked over HTTP like a client would."""

import subprocess

import pytest
import requests
from shipguard.commands.server_process import running_server

from .helpers import CHROME_ORIGIN, WEB_ORIGIN


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`shipguard serve` in a bare environment; yields (url, the first line it printed)."""
    with (
        (tmp_path_factory.mktemp("serve") / "stderr.log").open("w") as log,
        running_server(
            "--threads", "2", env={"PATH": "/usr/bin:/bin"}, stdout=subprocess.PIPE, stderr=log
        ) as running,
    ):
        yield running.url, running.process.stdout.readline()


def test_it_is_waitress_and_healthy(server):
    url, first_line = server
    response = requests.get(f"{url}/healthz", timeout=5)
    assert response.headers["Server"] == "waitress"
    version = response.json()["version"]
    assert response.json() == {"status": "ok", "version": version}
    assert url in first_line and version in first_line


def test_cors_allows_an_extension(server):
    url, _ = server
    response = requests.get(f"{url}/api/v1/bundle", headers={"Origin": CHROME_ORIGIN}, timeout=5)
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == CHROME_ORIGIN


def test_cors_refuses_a_web_page(server):
    url, _ = server
    response = requests.get(f"{url}/api/v1/bundle", headers={"Origin": WEB_ORIGIN}, timeout=5)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


def test_preflight(server):
    url, _ = server
    headers = {
        "Origin": CHROME_ORIGIN,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    response = requests.options(f"{url}/api/v1/render", headers=headers, timeout=5)
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == CHROME_ORIGIN
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    refused = requests.options(
        f"{url}/api/v1/render", headers={**headers, "Origin": WEB_ORIGIN}, timeout=5
    )
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_etag_and_304(server):
    url, _ = server
    first = requests.get(f"{url}/api/v1/bundle", timeout=5)
    assert first.headers["Content-Type"] == "application/json"
    again = requests.get(
        f"{url}/api/v1/bundle", headers={"If-None-Match": first.headers["ETag"]}, timeout=5
    )
    assert again.status_code == 304
    assert again.content == b""


def test_json_404(server):
    url, _ = server
    response = requests.get(f"{url}/api/v1/nothing-here", timeout=5)
    assert response.status_code == 404
    assert response.json()["code"] == 404


def test_render_over_http(server):
    url, _ = server
    response = requests.post(
        f"{url}/api/v1/render",
        json={
            "template": "delay-weather",
            "locale": "en-US",
            "fields": {"order_id": "112-0000000-0000000"},
        },
        timeout=5,
    )
    assert response.status_code == 200
    assert "112-0000000-0000000" in response.json()["subject"]
