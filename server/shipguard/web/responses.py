"""Schemas of API responses (used for the OpenAPI document and to shape render results)."""

from marshmallow import fields, validate

from shipguard.bundle.schemas.common import StrictSchema
from shipguard.bundle.schemas.templates import PlaceholderSchema


class FindingSchema(StrictSchema):
    """Something worth the seller's attention in a message, with its span."""

    rule = fields.String(required=True, metadata={"description": "Id of the rule that found it"})
    severity = fields.String(
        required=True,
        validate=validate.OneOf(("error", "warning")),
        metadata={"description": "error (do not send as is) or warning"},
    )
    message = fields.String(
        required=True, metadata={"description": "What is wrong, for the seller"}
    )
    start = fields.Integer(
        required=True, metadata={"description": "Start offset in the text, in UTF-16 code units"}
    )
    end = fields.Integer(
        required=True,
        metadata={"description": "End offset in the text (exclusive), in UTF-16 code units"},
    )


class RenderResponseSchema(StrictSchema):
    """A rendered buyer message."""

    subject = fields.String(required=True, metadata={"description": "Rendered subject"})
    body = fields.String(required=True, metadata={"description": "Rendered body"})
    findings = fields.List(
        fields.Nested(FindingSchema),
        required=True,
        metadata={
            "description": "Unfilled placeholders and lint findings of the body, sorted by position"
        },
    )


class LintResponseSchema(StrictSchema):
    """Lint findings for a buyer message."""

    ok = fields.Boolean(required=True, metadata={"description": "True when no finding is an error"})
    findings = fields.List(
        fields.Nested(FindingSchema),
        required=True,
        metadata={"description": "Findings sorted by position; offsets count UTF-16 code units"},
    )


class ListedPlaceholderSchema(PlaceholderSchema):
    """A placeholder as listed, with its example as each language's message writes it."""

    examples = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        required=True,
        metadata={
            "description": "The example by locale, as the message in that language writes it "
            "(a date in the locale's own format); `example` is the value to send to /render"
        },
    )


class TemplateSummarySchema(StrictSchema):
    """A template as listed by GET /api/v1/templates."""

    id = fields.String(required=True, metadata={"description": "Template id"})
    title = fields.String(required=True, metadata={"description": "What the message is for"})
    reason = fields.String(required=True, metadata={"description": "Amazon's contact reason"})
    locales = fields.List(
        fields.String(), required=True, metadata={"description": "Locales it is written in"}
    )
    placeholders = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(ListedPlaceholderSchema),
        required=True,
        metadata={"description": "Placeholders by name"},
    )


class HealthSchema(StrictSchema):
    """GET /healthz."""

    status = fields.String(
        required=True, metadata={"description": 'Always "ok" when the server answers'}
    )
    version = fields.String(
        required=True, metadata={"description": "Version of the bundle being served"}
    )


class ErrorSchema(StrictSchema):
    """Every error response."""

    code = fields.Integer(required=True, metadata={"description": "HTTP status code"})
    status = fields.String(required=True, metadata={"description": "HTTP reason phrase"})
    message = fields.String(required=True, metadata={"description": "What went wrong"})
    errors = fields.Raw(metadata={"description": "Field errors by field name (422 only)"})
