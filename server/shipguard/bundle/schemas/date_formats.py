"""Schema of date-formats.json: how each page locale writes dates such as the ship-by day."""

from marshmallow import ValidationError, fields, validate, validates_schema

from shipguard.bundle.formats import LOCALE, MARKETPLACE_CODE
from shipguard.bundle.schemas.common import (
    FullMatch,
    StrictSchema,
    compiles_as_regex,
    not_blank,
    string_list,
    unique,
)

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


MESSAGE_DATE_PARTS = ("{weekday}", "{day}", "{month}", "{month_number}")


def message_date_pattern(value):
    """A pattern names a day and a month, and nothing else in braces."""
    not_blank(value)
    rest = value
    for part in MESSAGE_DATE_PARTS:
        rest = rest.replace(part, "")
    if "{" in rest or "}" in rest:
        raise ValidationError(f"Only {', '.join(MESSAGE_DATE_PARTS)} may stand in braces.")
    if "{day}" not in value or ("{month}" not in value and "{month_number}" not in value):
        raise ValidationError("A date names its {day} and its {month} or {month_number}.")


class MessageDateSchema(StrictSchema):
    """How a buyer message in these locales writes a day inside a sentence ("by ...")."""

    pattern = fields.String(
        required=True,
        validate=message_date_pattern,
        metadata={
            "description": "The day as the sentence needs it, e.g. {weekday} {day} de {month}; "
            "the template text holds the words around it (a más tardar el ...)"
        },
    )
    months = fields.List(
        fields.String(validate=not_blank),
        validate=validate.Length(equal=12),
        metadata={
            "description": "Twelve month names (January first) in the case the pattern needs"
        },
    )
    weekdays = fields.List(
        fields.String(validate=not_blank),
        validate=validate.Length(equal=7),
        metadata={
            "description": "Seven weekday names, Monday first, in the case the pattern needs"
        },
    )
    first_day = fields.String(
        validate=not_blank,
        metadata={"description": "How the first of a month is written, where not as 1 (1er, 1º)"},
    )

    @validates_schema
    def names_for_the_pattern(self, data, **kwargs):
        """A pattern naming a weekday or month needs the list of names."""
        for part, key in (("{weekday}", "weekdays"), ("{month}", "months")):
            if part in data["pattern"] and key not in data:
                raise ValidationError({key: [f"The pattern uses {part}: list the names."]})


class DateFormatSchema(StrictSchema):
    """The dates of page locales that write them alike (en-GB, en-IN, en-AU)."""

    locales = string_list(
        "The page locales, BCP 47, that write dates this way",
        item=fields.String(
            validate=FullMatch(LOCALE, error="Must be a BCP 47 locale such as en-US.")
        ),
    )
    used_on = fields.List(
        fields.String(validate=FullMatch(MARKETPLACE_CODE, error="Must be a marketplace code.")),
        validate=unique,
        metadata={
            "description": "Marketplaces whose Seller Central writes this language this way "
            "(an English UI on amazon.de writes dates as en-GB does)"
        },
    )
    months = fields.List(
        fields.List(fields.String(validate=month_name), validate=validate.Length(min=1)),
        required=True,
        validate=validate.Length(equal=12),
        metadata={
            "description": "Twelve lists of lower-case names (January first), abbreviations too"
        },
    )
    patterns = fields.List(
        fields.Nested(DatePatternSchema),
        required=True,
        validate=validate.Length(min=1),
        metadata={"description": "The patterns to try, in order"},
    )
    message_date = fields.Nested(
        MessageDateSchema,
        metadata={
            "description": "How buyer messages in these locales write a day; without it a "
            "message gives the day as YYYY-MM-DD"
        },
    )


class DateFormatsFileSchema(StrictSchema):
    """The date-formats.json file."""

    date_formats = fields.List(
        fields.Nested(DateFormatSchema),
        required=True,
        validate=validate.Length(min=1),
        metadata={"description": "Date formats by page locale"},
    )

    @validates_schema
    def one_format_per_locale(self, data, **kwargs):
        """A locale in two formats would make its dates depend on file order."""
        seen, errors = set(), {}
        for index, fmt in enumerate(data["date_formats"]):
            for locale in fmt["locales"]:
                if locale in seen:
                    errors.setdefault(index, {})["locales"] = [
                        f"Locale {locale} already has a date format."
                    ]
                seen.add(locale)
        if errors:
            raise ValidationError({"date_formats": errors})
