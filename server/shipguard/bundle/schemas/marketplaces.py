"""Schema of marketplaces.json: each Amazon marketplace's ids, hosts, clock and languages."""

from marshmallow import fields, validate

from shipguard.bundle.formats import MARKETPLACE_CODE
from shipguard.bundle.schemas.common import (
    FullMatch,
    StrictSchema,
    locale_field,
    string_list,
    text,
    unique,
    unique_by,
    valid_time_zone,
)

HOST = r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$"


class MarketplaceSchema(StrictSchema):
    """One Amazon marketplace."""

    code = fields.String(
        required=True,
        validate=FullMatch(MARKETPLACE_CODE, error="Must be two upper-case letters, such as US."),
        metadata={"description": "Short code used in data files, such as US or DE"},
    )
    id = fields.String(
        required=True,
        validate=FullMatch(r"^[A-Z0-9]{10,20}$", error="Must be an SP-API marketplace id."),
        metadata={"description": "Amazon's marketplace id (SP-API), such as ATVPDKIKX0DER"},
    )
    name = text("Display name, such as Amazon.com")
    hosts = string_list(
        "Seller Central host names serving this marketplace",
        item=fields.String(validate=FullMatch(HOST, error="Must be a lower-case host name.")),
    )
    sales_channels = string_list("Sales channel names shown on orders, such as Amazon.com")
    time_zone = fields.String(
        required=True,
        validate=valid_time_zone,
        metadata={"description": "IANA time zone in which ship-by days are counted"},
    )
    buyer_locales = string_list(
        "Languages buyers read, BCP 47; the first is the default",
        item=locale_field("A buyer locale"),
    )
    page_locales = string_list(
        "Languages Seller Central pages may be shown in, BCP 47",
        item=locale_field("A page locale"),
    )
    weekend_days = fields.List(
        fields.Integer(strict=True, validate=validate.Range(min=1, max=7)),
        required=True,
        validate=unique,
        metadata={"description": "ISO weekdays (1 = Monday .. 7 = Sunday) carriers do not pick up"},
    )


class MarketplacesFileSchema(StrictSchema):
    """The marketplaces.json file."""

    marketplaces = fields.List(
        fields.Nested(MarketplaceSchema),
        required=True,
        validate=unique_by("code"),
        metadata={"description": "The marketplaces Shipguard knows"},
    )
