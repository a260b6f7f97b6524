"""Schema of carriers.json: the carriers Amazon integrates and how their tracking ids look."""

import re

from marshmallow import ValidationError, fields, validate, validates_schema

from shipguard.bundle.schemas.common import (
    MARKETPLACE_CODE,
    FullMatch,
    StrictSchema,
    kebab_id,
    string_list,
    text,
    unique_by,
)

# The named check-digit algorithms; extension/core/tracking.js implements exactly these
# (a test holds the two lists together), so data can pick one but never bring its own code.
CHECKS = ("none", "mod10-31", "mod10-31-plus1", "mod10-49", "mod10-ups", "mod11-137", "mod7", "s10")


def tracking_regex(value):
    """A pattern both Python and the browser read alike, anchored at both ends."""
    if not (value.startswith("^") and value.endswith("$")):
        raise ValidationError("Must start with ^ and end with $ so the whole id is matched.")
    if re.search(r"\(\?P?<[A-Za-z_]", value):
        # Named groups are spelled differently in Python and JavaScript.
        raise ValidationError("Named groups are not allowed; use two plain groups.")
    try:
        re.compile(value)
    except re.error as error:
        raise ValidationError(f"Not a valid regular expression: {error}.") from None


class TrackingFormatSchema(StrictSchema):
    """One way a carrier's tracking ids are written."""

    regex = fields.String(
        required=True,
        validate=tracking_regex,
        metadata={
            "description": "Anchored pattern on the normalised id (upper-case, no spaces or dashes); with a "
            "check, group 1 holds the digits the check covers and group 2 the check digit"
        },
    )
    check = fields.String(
        required=True,
        validate=validate.OneOf(CHECKS),
        metadata={
            "description": "Named check-digit algorithm, or none when the carrier publishes none"
        },
    )
    check_prefix = fields.String(
        validate=FullMatch(r"^[0-9]{1,4}$", error="Must be 1 to 4 digits."),
        metadata={
            "description": "Digits the check covers that this form of the id leaves off (such as 91)"
        },
    )
    distinctive = fields.Boolean(
        required=True,
        metadata={
            "description": "True when an id in this format can hardly come from another carrier, so an id "
            "entered under Other that matches it is taken to be this carrier's"
        },
    )
    description = text("What the format looks like, shown to the seller")

    @validates_schema
    def groups_fit_the_check(self, data, **_kwargs):
        groups = re.compile(data["regex"]).groups
        if data["check"] == "none":
            if groups:
                raise ValidationError("A format without a check must have no groups.", "regex")
            if "check_prefix" in data:
                raise ValidationError(
                    "Only a format with a check can have a check prefix.", "check_prefix"
                )
        elif groups != 2:
            raise ValidationError(
                "Needs exactly two groups: the checked digits and the check digit.", "regex"
            )


class CarrierSchema(StrictSchema):
    """One carrier on Amazon's confirm-shipment carrier list."""

    id = kebab_id("Stable id, such as royal-mail")
    name = text("The carrier's usual name")
    amazon_names = string_list(
        "Names Amazon's carrier list uses for it; the first is suggested to the seller"
    )
    aliases = fields.List(
        fields.String(validate=validate.Length(min=1)),
        load_default=list,
        metadata={
            "description": "Other names sellers type for it (Other carrier field), any language"
        },
    )
    marketplaces = string_list(
        "Marketplace codes where Amazon integrates this carrier",
        item=fields.String(
            validate=FullMatch(MARKETPLACE_CODE, error="Must be a marketplace code such as UK.")
        ),
    )
    formats = fields.List(
        fields.Nested(TrackingFormatSchema),
        required=True,
        validate=validate.Length(min=1),
        metadata={"description": "The tracking id formats, tried in order"},
    )


def amazon_names_unique(carriers):
    """Two carriers answering to one name on Amazon's list would make the lookup a guess."""
    owner = {}
    for carrier in carriers:
        for name in carrier["amazon_names"]:
            key = name.casefold()
            if owner.setdefault(key, carrier["id"]) != carrier["id"]:
                raise ValidationError(
                    f"Amazon name {name!r} is used by {owner[key]!r} and {carrier['id']!r}."
                )


class CarriersFileSchema(StrictSchema):
    """The carriers.json file."""

    carriers = fields.List(
        fields.Nested(CarrierSchema),
        required=True,
        validate=[unique_by("id"), amazon_names_unique],
        metadata={"description": "Carriers with their tracking id formats"},
    )
