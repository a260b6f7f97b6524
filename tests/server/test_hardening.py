"""Security headers on every response, a readable API docs page, and no debug pages."""

import pytest
from shipguard.app import SECURITY_HEADERS, create_app
from shipguard.web.htmlpage import HTML_CSP, HTML_REFERRER_POLICY

API_CSP = "default-src 'none'; frame-ancestors 'none'"


@pytest.mark.parametrize(
    ("method", "path", "csp"),
    [
        ("get", "/api/v1/bundle", API_CSP),
        ("get", "/api/v1/openapi.json", API_CSP),
        ("get", "/healthz", API_CSP),
        ("get", "/api/v1/nothing", API_CSP),
        ("post", "/api/v1/render", API_CSP),
        ("post", "/templates/delay-weather/en-US", API_CSP),
        ("get", "/", HTML_CSP),
        ("get", "/api/v1/docs", HTML_CSP),
    ],
)
def test_security_headers(client, method, path, csp):
    response = getattr(client, method)(path)
    assert response.headers["Content-Security-Policy"] == csp
    for name, value in SECURITY_HEADERS.items():
        if name == "Referrer-Policy" and csp == HTML_CSP:
            value = HTML_REFERRER_POLICY  # pages post forms to themselves, with their Origin
        if name != "Content-Security-Policy":
            assert response.headers[name] == value


def test_docs_page_lists_every_documented_operation_and_schema(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    spec = client.get("/api/v1/openapi.json").get_json()
    for path, operations in spec["paths"].items():
        for method in operations:
            assert f'id="{method}-{path}"' in page
    for name in spec["components"]["schemas"]:
        assert f'id="schema-{name}"' in page
    assert "<script" not in page and "http://" not in page.replace("http://localhost", "")


def test_flask_debug_env_does_not_enable_debugging(monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app({"DATA_DIR": None})
    assert app.debug is False


def test_errors_never_show_a_debug_page():
    app = create_app({"DATA_DIR": None, "PROPAGATE_EXCEPTIONS": False})

    @app.get("/boom")
    def boom():
        raise RuntimeError("internal detail")

    response = app.test_client().get("/boom")
    assert response.status_code == 500 and response.mimetype == "application/json"
    assert b"internal detail" not in response.data and b"Werkzeug" not in response.data


def test_write_endpoint_refuses_without_token(client):
    response = client.post("/templates/delay-weather/en-US", data={"subject": "s", "body": "b"})
    assert response.status_code == 403 and response.mimetype == "application/json"
