"""Schema of carrier-calendars.json: which days each carrier collects, per marketplace."""

from marshmallow import fields, validate

from shipguard.bundle.formats import MARKETPLACE_CODE
from shipguard.bundle.schemas.common import (
    FullMatch,
    StrictSchema,
    kebab_id,
    text,
    unique,
    unique_by,
)

ISO_WEEKDAY = fields.Integer(validate=validate.Range(min=1, max=7))


class CarrierCollectionSchema(StrictSchema):
    """When one carrier collects parcels in one marketplace."""

    carrier = kebab_id("The carrier's id in carriers.json")
    closed_weekdays = fields.List(
        ISO_WEEKDAY,
        required=True,
        validate=unique,
        metadata={"description": "ISO weekdays (Monday 1 … Sunday 7) without collection"},
    )
    works_holidays = fields.List(
        fields.String(validate=validate.Length(min=1)),
        load_default=list,
        validate=unique,
        metadata={
            "description": "National holidays on which the carrier still collects, by their English "
            "name in the holidays package (an observed day counts as its holiday)"
        },
    )
    works_all_holidays = fields.Boolean(
        load_default=False,
        metadata={"description": "True when the carrier collects on every holiday"},
    )
    regional_holidays = fields.Boolean(
        required=True,
        metadata={
            "description": "True when the carrier observes the holidays of the seller's ship-from region"
        },
    )
    source = text("Where the carrier publishes its collection days")


class MarketplaceCalendarSchema(StrictSchema):
    """The carriers' collection rules in one marketplace."""

    marketplace = fields.String(
        required=True,
        validate=FullMatch(MARKETPLACE_CODE, error="Must be a marketplace code such as US."),
        metadata={"description": "Marketplace code, such as US"},
    )
    country = fields.String(
        required=True,
        validate=FullMatch(r"^[A-Z]{2}$", error="Must be an ISO 3166-1 code such as GB."),
        metadata={"description": "Country whose public holidays apply (ISO 3166-1, GB for UK)"},
    )
    carriers = fields.List(
        fields.Nested(CarrierCollectionSchema),
        required=True,
        validate=[validate.Length(min=1), unique_by("carrier")],
        metadata={"description": "The carriers sellers use there"},
    )


class CarrierCalendarsFileSchema(StrictSchema):
    """The carrier-calendars.json file."""

    months_ahead = fields.Integer(
        required=True,
        validate=validate.Range(min=1, max=24),
        metadata={"description": "How many months ahead the bundle lists non-collection days"},
    )
    calendars = fields.List(
        fields.Nested(MarketplaceCalendarSchema),
        required=True,
        validate=unique_by("marketplace"),
        metadata={"description": "Collection rules per marketplace"},
    )


# The calendars as the bundle packs them (computed by shipguard.bundle.calendars).

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def iso_date(description):
    return fields.String(
        required=True,
        validate=FullMatch(ISO_DATE, error="Must be a date YYYY-MM-DD."),
        metadata={"description": description},
    )


class DatedHolidaySchema(StrictSchema):
    """One public holiday."""

    date = iso_date("The day, YYYY-MM-DD")
    name = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        required=True,
        metadata={"description": "The holiday's name by UI language (en always)"},
    )


class PackedCarrierSchema(StrictSchema):
    """A carrier's non-collection days in one marketplace."""

    carrier = kebab_id("The carrier's id in carriers.json")
    closed_weekdays = fields.List(
        ISO_WEEKDAY, required=True, metadata={"description": "ISO weekdays without collection"}
    )
    holidays = fields.List(
        fields.String(validate=FullMatch(ISO_DATE)),
        required=True,
        metadata={"description": "National holidays (YYYY-MM-DD) without collection"},
    )
    regional_holidays = fields.Boolean(
        required=True,
        metadata={"description": "Whether the seller's ship-from region's holidays stop it too"},
    )


class PackedMarketplaceSchema(StrictSchema):
    """One marketplace's holidays and carriers."""

    country = fields.String(required=True, metadata={"description": "ISO 3166-1 country"})
    holidays = fields.List(
        fields.Nested(DatedHolidaySchema),
        required=True,
        metadata={"description": "National public holidays"},
    )
    regions = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.Nested(DatedHolidaySchema)),
        required=True,
        metadata={"description": "Holidays of each subdivision beyond the national ones"},
    )
    carriers = fields.List(
        fields.Nested(PackedCarrierSchema),
        required=True,
        metadata={"description": "Each carrier's non-collection days"},
    )


class PackedCalendarsSchema(StrictSchema):
    """The days carriers do not collect, per marketplace, computed when the bundle is built."""

    from_ = fields.String(
        data_key="from", required=True, metadata={"description": "First day covered"}
    )
    until = fields.String(required=True, metadata={"description": "Last day covered"})
    source = fields.String(
        required=True, metadata={"description": "The holidays package and its version"}
    )
    marketplaces = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(PackedMarketplaceSchema),
        required=True,
        metadata={"description": "Calendars by marketplace code"},
    )
