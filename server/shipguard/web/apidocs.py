"""GET /api/v1/docs: the OpenAPI document as a readable HTML page, rendered on the server."""

from flask import Blueprint, current_app

from shipguard.web.htmlpage import html_response
from shipguard.web.openapi import build_spec

docs = Blueprint("docs", __name__)

_REF_PREFIX = "#/components/schemas/"
_METHOD_ORDER = ("get", "head", "post", "put", "patch", "delete")


def openapi_spec(app):
    """The app's OpenAPI document, built once (the routes do not change while it runs)."""
    spec = app.extensions.get("shipguard.web.openapi")
    if spec is None:
        spec = app.extensions["shipguard.web.openapi"] = build_spec(app)
    return spec


@docs.get("/docs")
def show():
    spec = openapi_spec(current_app)
    schemas = spec.get("components", {}).get("schemas", {})
    return html_response(
        "api_docs.html",
        info=spec["info"],
        openapi_version=spec.get("openapi"),
        operations=list(_operations(spec)),
        schemas=[_schema_view(name, schema) for name, schema in sorted(schemas.items())],
    )


def _operations(spec):
    for path, methods in spec.get("paths", {}).items():
        for method in sorted(
            methods, key=lambda m: _METHOD_ORDER.index(m) if m in _METHOD_ORDER else 99
        ):
            operation = methods[method]
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            yield {
                "method": method,
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "request": type_of(body["schema"]) if "schema" in body else None,
                "responses": [
                    {
                        "status": status,
                        "description": response.get("description", ""),
                        "type": type_of(
                            response.get("content", {}).get("application/json", {}).get("schema")
                        ),
                    }
                    for status, response in operation.get("responses", {}).items()
                ],
            }


def _schema_view(name, schema):
    required = set(schema.get("required", []))
    return {
        "name": name,
        "description": schema.get("description", ""),
        "fields": [
            {
                "name": field,
                "type": type_of(spec),
                "required": field in required,
                "description": spec.get("description", ""),
            }
            for field, spec in schema.get("properties", {}).items()
        ],
    }


def type_of(schema):
    """A schema as [(text, schema name to link or None)], e.g. array of <Finding>."""
    if not schema:
        return []
    if "$ref" in schema:
        name = schema["$ref"].removeprefix(_REF_PREFIX)
        return [(name, name)]
    if schema.get("type") == "array":
        return [("array of ", None), *type_of(schema.get("items"))]
    if schema.get("type") == "object" and isinstance(schema.get("additionalProperties"), dict):
        return [("object of ", None), *type_of(schema["additionalProperties"])]
    text = schema.get("type", "any")
    if "enum" in schema:
        text += ": " + " | ".join(str(value) for value in schema["enum"])
    return [(text, None)]
