"""Schema of date-formats.json: how each page locale writes dates such as the ship-by day."""
from marshmallow import ValidationError, fields, validate

from .common import StrictSchema, compiles_as_regex, locale_field, not_blank, unique_by

MONTH_PLACEHOLDER = "{month}"
DATE_ORDERS = ("MDY", "DMY", "YMD")


def month_name(value):
    """Month names are matched lower-cased, so the data must be lower-case too."""
    not_blank(value)
    if value != value.lower():
        raise ValidationError("Month names must be lower-case.")


def date_regex(value):
    """A date regex must compile once `{month}` is replaced by the month alternatives."""
    compiles_as_regex(value.replace(MONTH_PLACEHOLDER, "(\\w+)"))


class DatePatternSchema(StrictSchema):
    """One way a date is written."""

    regex = fields.String(
        required=True,
        validate=date_regex,
        metadata={
            "description": "Regular expression with day, month, year groups; {month} stands for a month name"
        },
    )
    order = fields.String(
        required=True,
        validate=validate.OneOf(DATE_ORDERS),
        metadata={"description": "The order of the groups: MDY, DMY or YMD"},
    )


class DateFormatSchema(StrictSchema):
    """The dates of one page locale."""

    locale = locale_field("The page locale, BCP 47")
    months = fields.List(
        fields.List(fields.String(validate=month_name), validate=validate.Length(min=1)),
        required=True,
        validate=validate.Length(equal=12),
        metadata={"description": "Twelve lists of lower-case names (January first), abbreviations too"},
    )
    patterns = fields.List(
        fields.Nested(DatePatternSchema),
        required=True,
        validate=validate.Length(min=1),
        metadata={"description": "The patterns to try, in order"},
    )


class DateFormatsFileSchema(StrictSchema):
    """The date-formats.json file."""

    date_formats = fields.List(
        fields.Nested(DateFormatSchema),
        required=True,
        validate=unique_by("locale"),
        metadata={"description": "Date formats by page locale"},
    )
