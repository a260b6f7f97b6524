"""Schemas of API request bodies."""
from marshmallow import fields

from .common import StrictSchema, kebab_id, locale_field


class RenderRequestSchema(StrictSchema):
    """POST /api/v1/render: a template, a language and the order's facts."""

    template = kebab_id("Id of the message template")
    locale = locale_field("The buyer's locale, BCP 47, such as en-US")
    # Named "fields" on the wire; the attribute cannot be, a Schema's `fields` is taken.
    field_values = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        load_default=dict,
        data_key="fields",
        metadata={"description": "Placeholder values by name; missing ones stay as {name}"},
    )
