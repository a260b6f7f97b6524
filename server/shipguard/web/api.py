"""The /api/v1 blueprint: bundle, templates, render, lint and the OpenAPI document."""

from flask import Blueprint, Response, current_app, jsonify, request
from marshmallow import ValidationError

from shipguard.bundle.schemas.bundle import BundleSchema
from shipguard.buyer_messages.examples import examples_by_locale
from shipguard.buyer_messages.lint_requests import (
    lint_text,
    unknown_lint_target,
    with_lint_findings,
)
from shipguard.buyer_messages.message_dates import ISO_DAY, is_iso_day
from shipguard.buyer_messages.render import date_placeholders, field_value, render_message
from shipguard.web.errors import error_response
from shipguard.web.json_body import json_body
from shipguard.web.openapi import build_spec, documented
from shipguard.web.requests import LintRequestSchema, RenderRequestSchema
from shipguard.web.responses import LintResponseSchema, RenderResponseSchema, TemplateSummarySchema

api = Blueprint("api", __name__)

RENDER_REQUEST = RenderRequestSchema()
RENDER_RESPONSE = RenderResponseSchema()
LINT_REQUEST = LintRequestSchema()
LINT_RESPONSE = LintResponseSchema()
# Clients revalidate with If-None-Match after five minutes; a CDN may cache as long.
BUNDLE_CACHE_CONTROL = "public, max-age=300"
GZIP_ETAG_SUFFIX = "-gzip"


def current_bundle():
    return current_app.extensions["shipguard"]


@api.get("/bundle")
@documented(
    "The bundle of rules, page adapters and templates",
    {200: ("The bundle", BundleSchema), 304: ("Unchanged since the ETag in If-None-Match",)},
)
def get_bundle():
    bundle = current_bundle()
    gzipped = request.accept_encodings["gzip"] > 0
    # Each encoding is its own representation with its own strong ETag (RFC 9110 8.8.3).
    etag = bundle.etag + GZIP_ETAG_SUFFIX if gzipped else bundle.etag
    # If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/"x" matches "x", * anything.
    # Either representation's tag means the client already has this content.
    if any(
        request.if_none_match.contains_weak(tag)
        for tag in (bundle.etag, bundle.etag + GZIP_ETAG_SUFFIX)
    ):
        response = Response(status=304)
    else:
        response = Response(
            bundle.gzip_body if gzipped else bundle.body, mimetype="application/json"
        )
        if gzipped:
            response.headers["Content-Encoding"] = "gzip"
    response.set_etag(etag)
    response.headers["Cache-Control"] = BUNDLE_CACHE_CONTROL
    # Origin is added to Vary for every response (web/cors.py).
    response.vary.add("Accept-Encoding")
    return response


@api.get("/templates")
@documented("Buyer message templates", {200: ("Templates by id", TemplateSummarySchema(many=True))})
def list_templates():
    data = current_bundle().data
    return jsonify([_summary(template, data.date_formats) for template in data.templates])


def _summary(template, date_formats):
    examples = examples_by_locale(template, date_formats)
    return {
        "id": template["id"],
        "title": template["title"],
        "reason": template["reason"],
        "locales": sorted(template["locales"]),
        "placeholders": {
            name: {**spec, "examples": examples[name]}
            for name, spec in template["placeholders"].items()
        },
    }


@api.post("/render")
@documented(
    "Render a buyer message",
    {
        200: ("The rendered message", RenderResponseSchema),
        404: ("No such template",),
        422: ("Invalid body",),
    },
    request_schema=RenderRequestSchema,
    description="Fills a template's placeholders and lints the body; nothing is stored or logged.",
)
def render():
    payload = RENDER_REQUEST.load(json_body())
    template = current_bundle().data.template(payload["template"])
    if template is None:
        return error_response(404, f"No message template named {payload['template']!r}.")
    if payload["locale"] not in template["locales"]:
        known = ", ".join(sorted(template["locales"]))
        reason = f"Template {template['id']!r} has no locale {payload['locale']!r}; it has {known}."
        raise ValidationError({"locale": [reason]})
    # A day (YYYY-MM-DD) is written as the locale writes it; other text is used as written,
    # and lint judges it (a US delay notice needs a concrete date). Only a day that does
    # not exist, such as 2019-02-30, is refused: no sentence could say it.
    days = {
        name: field_value(payload["field_values"], name) for name in date_placeholders(template)
    }
    not_days = {
        name: [f"{name} is not a day of the calendar: {day!r}."]
        for name, day in days.items()
        if ISO_DAY.fullmatch(day or "") and not is_iso_day(day)
    }
    if not_days:
        raise ValidationError({"fields": not_days})
    rendered = render_message(
        template, payload["locale"], payload["field_values"], current_bundle().data.date_formats
    )
    rendered = with_lint_findings(rendered, current_bundle().data, payload["locale"])
    return jsonify(RENDER_RESPONSE.dump(rendered))


@api.post("/lint")
@documented(
    "Lint a buyer message",
    {
        200: ("Findings, and whether the message may be sent as is", LintResponseSchema),
        404: ("A locale whose language lint has no profile for, or an unknown marketplace",),
        422: ("Invalid body",),
    },
    request_schema=LintRequestSchema,
    description="Checks a message against Amazon's messaging rules in the buyer's language; "
    "nothing is stored or logged.",
)
def lint():
    payload = LINT_REQUEST.load(json_body())
    data = current_bundle().data
    unknown = unknown_lint_target(data.lint, payload.get("locale"), payload.get("marketplace"))
    if unknown:
        return error_response(404, unknown)
    result = lint_text(data, payload["text"], payload.get("locale"), payload.get("marketplace"))
    return jsonify(LINT_RESPONSE.dump(result))


@api.get("/openapi.json")
@documented("This OpenAPI document", {200: ("OpenAPI 3 document",)})
def openapi_document():
    spec = current_app.extensions.get("shipguard.web.openapi")
    if spec is None:
        spec = current_app.extensions["shipguard.web.openapi"] = build_spec(current_app)
    return jsonify(spec)
