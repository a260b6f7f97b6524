"""Schema of transit-times.json: published transit times per carrier service, with their source."""

from marshmallow import ValidationError, fields, validate, validates_schema

from shipguard.bundle.formats import MARKETPLACE_CODE
from shipguard.bundle.schemas.common import (
    FullMatch,
    StrictSchema,
    kebab_id,
    text,
    unique_by,
)


class ServiceSchema(StrictSchema):
    """One service level and its published transit time."""

    id = kebab_id("Stable id, such as priority-mail")
    name = text("The service's name as the carrier and Buy Shipping show it")
    business_days = fields.List(
        fields.Integer(validate=validate.Range(min=0, max=30)),
        required=True,
        validate=validate.Length(equal=2),
        metadata={"description": "Published transit range [fastest, slowest] in business days"},
    )

    @validates_schema
    def range_in_order(self, data, **_kwargs):
        fastest, slowest = data["business_days"]
        if fastest > slowest:
            raise ValidationError("The fastest time must not exceed the slowest.", "business_days")


class TransitTableSchema(StrictSchema):
    """A carrier's services in one marketplace."""

    marketplace = fields.String(
        required=True,
        validate=FullMatch(MARKETPLACE_CODE, error="Must be a marketplace code such as US."),
        metadata={"description": "Marketplace code, such as US"},
    )
    carrier = kebab_id("The carrier's id in carriers.json")
    source = text(
        "Where the carrier publishes these transit times (an estimate without it is a guess)"
    )
    services = fields.List(
        fields.Nested(ServiceSchema),
        required=True,
        validate=[validate.Length(min=1), unique_by("id")],
        metadata={"description": "Service levels, fastest first"},
    )


def one_table_per_carrier(tables):
    """Two tables for one carrier in one marketplace would contradict each other."""
    seen = set()
    for table in tables:
        key = (table["marketplace"], table["carrier"])
        if key in seen:
            raise ValidationError(f"Two tables for {table['carrier']!r} in {table['marketplace']}.")
        seen.add(key)


class TransitTimesFileSchema(StrictSchema):
    """The transit-times.json file."""

    transit_tables = fields.List(
        fields.Nested(TransitTableSchema),
        required=True,
        validate=one_table_per_carrier,
        metadata={"description": "Transit tables per marketplace and carrier"},
    )
