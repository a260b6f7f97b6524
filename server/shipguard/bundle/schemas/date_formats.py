"""Schema of date-formats.json: how each page locale writes dates such as the ship-by day."""

from marshmallow import ValidationError, fields, validate, validates_schema

from shipguard.bundle.schemas.common import (
    LOCALE,
    MARKETPLACE_CODE,
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
