"""Fields and validators the resource schemas share."""

import re
from functools import cache
from zoneinfo import available_timezones

from marshmallow import RAISE, Schema, ValidationError, fields, validate

KEBAB_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SNAKE_NAME = r"^[a-z][a-z0-9_]*$"
# BCP 47 with a region, as buyers' and pages' languages always have one: en-US, fr-CA.
LOCALE = r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?-(?:[A-Z]{2}|[0-9]{3})$"
# UI titles may be keyed by language alone ("en") or by a full locale.
LANGUAGE_OR_LOCALE = r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$"
MARKETPLACE_CODE = r"^[A-Z]{2}$"
ORDER_STATUSES = ("late", "due-soon", "on-track")


class StrictSchema(Schema):
    """A schema that rejects keys it does not know, so typos in data files are caught."""

    class Meta:
        unknown = RAISE


class PlainNumber(fields.Float):
    """A JSON number kept as written (24 stays 24, not 24.0); strings are not numbers here."""

    def _format_num(self, value):
        if isinstance(value, str):
            raise TypeError("a string is not a number")
        return value if isinstance(value, int) else float(value)


class FullMatch(validate.Regexp):
    """A Regexp validator that must match the whole value (a trailing newline fails too)."""

    def __call__(self, value):
        if self.regex.fullmatch(value) is None:
            raise ValidationError(self._format_error(value))
        return value


def text(description, **kwargs):
    """A required string that is not blank."""
    kwargs.setdefault("required", True)
    return fields.String(validate=not_blank, metadata={"description": description}, **kwargs)


def has_english(titles):
    """English is the fallback when the seller's language has no title."""
    if "en" not in titles:
        raise ValidationError('Must have an "en" title.')


def texts_by_language(description, **kwargs):
    """Texts the extension shows in the seller's language, with English as the fallback."""
    return fields.Dict(
        keys=fields.String(
            validate=FullMatch(LANGUAGE_OR_LOCALE, error="Must be a language such as en or de-DE.")
        ),
        values=fields.String(validate=not_blank),
        validate=has_english,
        metadata={"description": f'{description}; "en" is required'},
        **kwargs,
    )


def kebab_id(description, **kwargs):
    """A required kebab-case id such as `copy-delay-out-of-stock`."""
    kwargs.setdefault("required", True)
    return fields.String(
        validate=FullMatch(KEBAB_ID, error="Must be kebab-case (a-z, 0-9, single dashes)."),
        metadata={"description": description},
        **kwargs,
    )


def locale_field(description, **kwargs):
    """A BCP 47 locale with a region, such as `en-US`."""
    kwargs.setdefault("required", True)
    return fields.String(
        validate=FullMatch(LOCALE, error="Must be a BCP 47 locale such as en-US."),
        metadata={"description": description},
        **kwargs,
    )


def string_list(description, item=None, **kwargs):
    """A required, non-empty list without duplicates (strings unless `item` says otherwise)."""
    kwargs.setdefault("required", True)
    item = item or fields.String(validate=not_blank)
    return fields.List(
        item,
        validate=[validate.Length(min=1), unique],
        metadata={"description": description},
        **kwargs,
    )


def not_blank(value):
    """Reject empty and whitespace-only strings."""
    if not value.strip():
        raise ValidationError("Must not be blank.")


def unique(values):
    """Reject a list that holds the same value twice."""
    seen = set()
    for value in values:
        key = repr(value)
        if key in seen:
            raise ValidationError(f"Duplicate value {value!r}.")
        seen.add(key)


def unique_by(key):
    """Validator: a list of records must not repeat `key` (later ones would hide earlier)."""

    def check(records):
        unique([record[key] for record in records])

    return check


def compiles_as_regex(value):
    """Reject a regular expression Python cannot compile."""
    try:
        re.compile(value)
    except re.error as error:
        raise ValidationError(f"Not a valid regular expression: {error}.") from None


def valid_time_zone(value):
    """Reject a name that is not in the IANA time zone database."""
    if value not in _time_zone_names():
        raise ValidationError(
            f"Unknown time zone {value!r}; use an IANA name such as Europe/Berlin."
        )


@cache
def _time_zone_names():
    # The listed names only: ZoneInfo() also opens files such as "posixrules" that the
    # extension's Intl API would not know.
    return frozenset(available_timezones())
