"""The real `shipguard serve` process (waitress), checked over HTTP like a client would."""

import http.client
import socket
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


def _revalidations(url, headers, count):
    """`count` conditional bundle requests on one HTTP/1.1 connection: [(status, headers)]
    and whether every one travelled on the connection the first one opened."""
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    answers, sockets = [], set()
    try:
        for _ in range(count):
            connection.request("GET", "/api/v1/bundle", headers=headers)
            response = connection.getresponse()
            response.read()
            sockets.add(id(connection.sock))
            # Names in lower case: waitress writes "Etag", a client reads any case.
            answers.append((response.status, [(k.lower(), v) for k, v in response.getheaders()]))
            if connection.sock is None:  # the server closed it
                sockets.add(None)
    finally:
        connection.close()
    return answers, sockets == {next(iter(sockets))} and None not in sockets


def test_304s_keep_the_connection_open(server):
    url, _ = server
    etag = requests.get(f"{url}/api/v1/bundle", timeout=5).headers["ETag"]
    answers, one_connection = _revalidations(url, {"If-None-Match": etag}, 5)
    assert [status for status, _ in answers] == [304] * 5
    assert one_connection, "the server closed the connection after a 304"
    assert all(
        ("connection", "close") not in headers and "content-length" not in dict(headers)
        for _, headers in answers
    )


def test_repeated_304s_carry_the_headers_of_the_first(server):
    url, _ = server
    plain = {"Accept-Encoding": "identity"}
    etag = requests.get(f"{url}/api/v1/bundle", headers=plain, timeout=5).headers["ETag"]
    for origin, allowed in ((CHROME_ORIGIN, True), (WEB_ORIGIN, False)):
        headers = {"If-None-Match": etag, "Accept-Encoding": "gzip", "Origin": origin}
        answers, _ = _revalidations(url, headers, 3)
        without_date = [[h for h in headers if h[0] != "date"] for _, headers in answers]
        assert without_date[0] == without_date[1] == without_date[2]
        first = dict(answers[0][1])
        assert first["etag"] == f'{etag[:-1]}-gzip"' and first["cache-control"].startswith("public")
        assert first["x-content-type-options"] == "nosniff" and "Origin" in first["vary"]
        assert (first.get("access-control-allow-origin") == origin) is allowed
    # The plain representation's tag, asked without gzip, gets its own answer.
    answers, _ = _revalidations(url, {"If-None-Match": etag, **plain}, 2)
    assert dict(answers[1][1])["etag"] == etag and "access-control-allow-origin" not in dict(
        answers[1][1]
    )


def test_repeated_bundle_fetches_get_the_same_answer(server):
    url, _ = server
    for encoding in ("gzip", "identity"):
        headers = {"Accept-Encoding": encoding, "Origin": CHROME_ORIGIN}
        first, again = (
            requests.get(f"{url}/api/v1/bundle", headers=headers, timeout=5) for _ in "12"
        )
        assert first.status_code == again.status_code == 200
        assert first.content == again.content and len(first.content) > 10_000
        assert {k: v for k, v in first.headers.items() if k != "Date"} == {
            k: v for k, v in again.headers.items() if k != "Date"
        }
        assert again.headers["Access-Control-Allow-Origin"] == CHROME_ORIGIN


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


def test_a_remembered_bundle_answer_is_not_given_to_an_unknown_host(server):
    url, _ = server
    for _ in range(2):  # the second is answered from memory
        assert requests.get(f"{url}/api/v1/bundle", timeout=5).status_code == 200
    port = url.rsplit(":", 1)[1]
    for _ in range(2):
        refused = requests.get(
            f"{url}/api/v1/bundle", headers={"Host": f"rebound.example:{port}"}, timeout=5
        )
        assert refused.status_code == 400 and "host name" in refused.json()["message"]


def test_pipelined_requests_are_answered_in_order(server):
    url, _ = server
    etag = requests.get(f"{url}/api/v1/bundle", timeout=5).headers["ETag"]
    host = url.removeprefix("http://")
    revalidate = f"GET /api/v1/bundle HTTP/1.1\r\nHost: {host}\r\nIf-None-Match: {etag}\r\n\r\n"
    fetch = f"GET /api/v1/bundle HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: identity\r\n\r\n"
    health = f"GET /healthz HTTP/1.1\r\nHost: {host}\r\n\r\n"
    order = [revalidate, fetch, health, revalidate, fetch, revalidate]
    with socket.create_connection(("127.0.0.1", int(host.rsplit(":", 1)[1])), timeout=10) as sock:
        sock.sendall("".join(order * 2).encode())  # one write: read together, answered in turn
        reader = sock.makefile("rb")
        answers = [_read_response(reader) for _ in order * 2]
    expected = {revalidate: (304, b""), health: (200, b'"status"'), fetch: (200, b'"version"')}
    for request, (status, body) in zip(order * 2, answers, strict=True):
        assert status == expected[request][0] and expected[request][1] in body


def test_two_hundred_clients_at_once_are_all_answered(server):
    url, _ = server
    etag = requests.get(f"{url}/api/v1/bundle", timeout=5).headers["ETag"]
    host = url.removeprefix("http://")
    request = f"GET /api/v1/bundle HTTP/1.1\r\nHost: {host}\r\nIf-None-Match: {etag}\r\n\r\n"
    address = ("127.0.0.1", int(host.rsplit(":", 1)[1]))
    clients = [socket.create_connection(address, timeout=30) for _ in range(200)]
    try:
        for client in clients:
            client.sendall(request.encode())
        statuses = [_read_response(client.makefile("rb"))[0] for client in clients]
    finally:
        for client in clients:
            client.close()
    assert statuses == [304] * 200


def _read_response(reader):
    """(status, body) of one HTTP/1.1 response read from a socket file."""
    status = int(reader.readline().split()[1])
    length = 0
    while (line := reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return status, reader.read(length)
