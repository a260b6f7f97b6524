"""The OpenAPI document, generated from the routes and their marshmallow schemas."""

import re

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from shipguard import __version__
from shipguard.web.responses import ErrorSchema

_DOC_ATTRIBUTE = "_openapi_operation"
# Flask writes path parameters as <name> or <converter:name>, OpenAPI as {name}.
_RULE_PARAMETER = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")


def documented(summary, responses, request_schema=None, description=None):
    """Attach an OpenAPI operation to a view; `responses` maps status -> (text, schema)."""
    operation = {
        "summary": summary,
        "responses": {str(status): _response(*spec) for status, spec in responses.items()},
    }
    operation["responses"].setdefault("default", _response("Error", ErrorSchema))
    if description:
        operation["description"] = description
    if request_schema is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": request_schema}},
        }

    def attach(view):
        setattr(view, _DOC_ATTRIBUTE, operation)
        return view

    return attach


def _response(description, schema=None):
    if schema is None:
        return {"description": description}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def build_spec(app):
    """The OpenAPI 3 document of every documented route of `app`, as a dict."""
    spec = APISpec(
        title="Shipguard",
        version=__version__,
        openapi_version="3.0.3",
        plugins=[MarshmallowPlugin()],
        info={
            "description": "Rules, page adapters and buyer message templates for the Shipguard extension."
        },
    )
    for rule in sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule):
        operation = getattr(app.view_functions[rule.endpoint], _DOC_ATTRIBUTE, None)
        if operation is None:
            continue
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        spec.path(
            path=_RULE_PARAMETER.sub(r"{\1}", rule.rule),
            operations={method.lower(): dict(operation) for method in methods},
        )
    return spec.to_dict()
