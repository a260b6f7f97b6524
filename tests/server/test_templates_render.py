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
    examples = {name: spec.pop("examples") for name, spec in item["placeholders"].items()}
    assert item == {
        "id": "delay-out-of-stock",
        "title": shipped["title"],
        "reason": shipped["reason"],
        "locales": sorted(shipped["locales"]),
        "placeholders": shipped["placeholders"],
    }
    assert examples["order_id"] == dict.fromkeys(shipped["locales"], "112-4839201-5728394")


# The example day 2019-12-09 (a Monday) as each template language writes it in a sentence.
EXAMPLE_DAY_BY_LOCALE = {
    "de-DE": "Montag, den 9. Dezember",
    "en-GB": "Monday 9 December",
    "en-US": "Monday, December 9",
    "es-ES": "lunes 9 de diciembre",
    "fr-FR": "lundi 9 décembre",
    "it-IT": "lunedì 9 dicembre",
    "ja-JP": "12月9日（月）",
    "nl-NL": "maandag 9 december",
    "pl-PL": "9 grudnia",
    "sv-SE": "måndagen den 9 december",
}


def test_templates_list_each_date_example_in_each_locales_own_format(client):
    listed = {item["id"]: item for item in client.get("/api/v1/templates").get_json()}
    new_ship_date = listed["delay-out-of-stock"]["placeholders"]["new_ship_date"]
    assert new_ship_date["type"] == "date" and new_ship_date["example"] == "2019-12-09"
    assert new_ship_date["examples"] == EXAMPLE_DAY_BY_LOCALE


def test_render_writes_a_date_as_the_buyers_language_does_in_a_sentence(client):
    fields = {
        "order_id": "403-4839201-5728394",
        "ship_by": "2019-12-05",
        "new_ship_date": "2019-12-09",
    }
    bodies = {
        locale: client.post(
            "/api/v1/render",
            json={"template": "delay-out-of-stock", "locale": locale, "fields": fields},
        ).get_json()["body"]
        for locale in ("it-IT", "es-ES", "pl-PL", "ja-JP", "de-DE")
    }
    assert "entro lunedì 9 dicembre" in bodies["it-IT"] and "entro il" not in bodies["it-IT"]
    assert "a más tardar el lunes 9 de diciembre" in bodies["es-ES"]
    assert "antes del" not in bodies["es-ES"]
    assert "do 9 grudnia" in bodies["pl-PL"] and "poniedziałek" not in bodies["pl-PL"]
    assert "12月9日（月）までに発送" in bodies["ja-JP"]
    assert "bis Montag, den 9. Dezember versenden" in bodies["de-DE"]


def test_render_refuses_a_day_the_calendar_does_not_have(client):
    response = client.post(
        "/api/v1/render",
        json={
            "template": "delay-out-of-stock",
            "locale": "en-US",
            "fields": {"order_id": "112-4839201-5728394", "new_ship_date": "2019-02-30"},
        },
    )
    assert response.status_code == 422
    assert response.get_json()["errors"]["fields"]["new_ship_date"] == [
        "new_ship_date is not a day of the calendar: '2019-02-30'."
    ]


def test_render_uses_a_date_written_as_text_and_lint_judges_it(client):
    def render(day):
        fields = {"order_id": "112-4839201-5728394", "ship_by": "2019-12-05", "new_ship_date": day}
        response = client.post(
            "/api/v1/render",
            json={"template": "delay-out-of-stock", "locale": "en-US", "fields": fields},
        )
        assert response.status_code == 200
        return response.get_json()

    written = render("Monday, December 9")
    assert "Monday, December 9" in written["body"]
    assert not [f for f in written["findings"] if f["severity"] == "error"]
    vague = render("next week")
    assert "next week" in vague["body"]
    assert "us-delay-revised-date" in {f["rule"] for f in vague["findings"]}


def test_render_fills_the_placeholders(client):
    fields = {
        "order_id": "112-4839201-5728394",
        "ship_by": "2019-12-05",
        "new_ship_date": "2019-12-09",
    }
    response = client.post(
        "/api/v1/render",
        json={"template": "delay-out-of-stock", "locale": "en-US", "fields": fields},
    )
    assert response.status_code == 200
    result = response.get_json()
    assert set(result) == {"subject", "body", "findings"}
    assert "112-4839201-5728394" in result["subject"]
    assert "ship your order by Monday, December 9." in result["body"] and "{" not in result["body"]
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
