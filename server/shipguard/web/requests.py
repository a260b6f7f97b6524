"""Schemas of API request bodies."""

from marshmallow import fields, validate

from shipguard.bundle.schemas.common import (
    MARKETPLACE_CODE,
    FullMatch,
    StrictSchema,
    kebab_id,
    locale_field,
)

# Ten times Amazon's message limit: room for a draft, not for a denial of service.
MAX_LINT_CHARS = 10_000
# An order fact (a name, a date, a tracking id) is short; a rendered message stays far under
# the lint limit however many placeholders a template has.
MAX_FIELD_CHARS = 500
MAX_FIELDS = 40


class RenderRequestSchema(StrictSchema):
    """POST /api/v1/render: a template, a language and the order's facts."""

    template = kebab_id("Id of the message template")
    locale = locale_field("The buyer's locale, BCP 47, such as en-US")
    # Named "fields" on the wire; the attribute cannot be, a Schema's `fields` is taken.
    field_values = fields.Dict(
        keys=fields.String(validate=validate.Length(max=64)),
        values=fields.String(validate=validate.Length(max=MAX_FIELD_CHARS)),
        validate=validate.Length(max=MAX_FIELDS),
        load_default=dict,
        data_key="fields",
        metadata={
            "description": f"Placeholder values by name, each at most {MAX_FIELD_CHARS} characters; "
            "missing ones stay as {name}"
        },
    )


class LintRequestSchema(StrictSchema):
    """POST /api/v1/lint: a buyer message and where it is going."""

    text = fields.String(
        required=True,
        validate=validate.Length(max=MAX_LINT_CHARS),
        metadata={
            "description": f"The message to lint, plain text, at most {MAX_LINT_CHARS:,} characters"
        },
    )
    locale = locale_field(
        "The buyer's locale, BCP 47, such as de-DE; wins over marketplace", required=False
    )
    marketplace = fields.String(
        validate=FullMatch(MARKETPLACE_CODE, error="Must be a marketplace code such as US."),
        metadata={
            "description": "Marketplace code such as US: its buyer language, and its rules (such as the "
            "US delay-notice rules)"
        },
    )
