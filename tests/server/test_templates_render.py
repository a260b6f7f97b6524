"""GET /api/v1/templates, POST /api/v1/render and the OpenAPI document."""

import json

from .helpers import default_template


def test_templates_lists_every_template(client):
    response = client.get("/api/v1/templates")
    assert response.status_code == 200
    listed = response.get_json()
    ids = [item["id"] for item in listed]
    assert ids == sorted(ids) and "delay-out-of-stock" in ids
    item = listed[ids.index("delay-out-of-stock")]
    shipped = default_template("delay-out-of-stock")
    assert item == {
        "id": "delay-out-of-stock",
        "title": shipped["title"],
        "reason": shipped["reason"],
        "locales": sorted(shipped["locales"]),
        "placeholders": shipped["placeholders"],
    }


def test_render_fills_the_placeholders(client):
    fields = {
        "order_id": "112-4839201-5728394",
        "ship_by": "Thu, Dec 5, 2019",
        "new_ship_date": "Mon, Dec 9, 2019",
    }
    response = client.post(
        "/api/v1/render",
        json={"template": "delay-out-of-stock", "locale": "en-US", "fields": fields},
    )
    assert response.status_code == 200
    result = response.get_json()
    assert set(result) == {"subject", "body", "findings"}
    assert "112-4839201-5728394" in result["subject"]
    assert "Mon, Dec 9, 2019" in result["body"] and "{" not in result["body"]
    assert result["findings"] == []


def test_render_reports_unfilled_placeholders_with_their_span(client):
    response = client.post(
        "/api/v1/render",
        json={
            "template": "delay-out-of-stock",
            "locale": "en-US",
            "fields": {"order_id": "112-4839201-5728394"},
        },
    )
    result = response.get_json()
    assert response.status_code == 200
    assert {finding["rule"] for finding in result["findings"]} == {"unfilled-placeholder"}
    for finding in result["findings"]:
        assert finding["severity"] == "error"
        assert result["body"][finding["start"] : finding["end"]] in ("{ship_by}", "{new_ship_date}")


def test_render_without_fields_leaves_every_placeholder(client):
    result = client.post(
        "/api/v1/render", json={"template": "delay-weather", "locale": "en-US"}
    ).get_json()
    assert "{order_id}" in result["body"]
    unfilled = [
        finding for finding in result["findings"] if finding["message"].startswith("Placeholder {")
    ]
    assert len(unfilled) == 3
    # Lint adds what the body lacks without its values: here, the order id.
    assert {finding["rule"] for finding in result["findings"]} == {
        "unfilled-placeholder",
        "missing-order-id",
    }


def test_openapi_document_is_generated_from_the_routes_and_schemas(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec["openapi"].startswith("3.")
    assert {
        "/api/v1/bundle",
        "/api/v1/templates",
        "/api/v1/render",
        "/api/v1/openapi.json",
        "/healthz",
    } <= set(spec["paths"])
    assert set(spec["paths"]["/api/v1/render"]) == {"post"}
    render = spec["paths"]["/api/v1/render"]["post"]
    assert render["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/RenderRequest"
    }
    schemas = spec["components"]["schemas"]
    assert {
        "Bundle",
        "RenderRequest",
        "RenderResponse",
        "Finding",
        "Error",
        "TemplateSummary",
    } <= set(schemas)
    assert set(schemas["RenderRequest"]["properties"]) == {"template", "locale", "fields"}


def test_openapi_every_property_is_described_and_every_ref_resolves(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    for name, schema in schemas.items():
        for prop, definition in schema.get("properties", {}).items():
            assert definition.get("description"), f"{name}.{prop} has no description"
    refs = set()

    def collect(node):
        if isinstance(node, dict):
            refs.update(value for key, value in node.items() if key == "$ref")
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(spec)
    assert refs
    assert {ref.rsplit("/", 1)[1] for ref in refs} <= set(schemas), json.dumps(sorted(refs))
