"""Schema of the bundle: everything the extension needs from the server, in one document."""

from marshmallow import fields

from shipguard.bundle.schemas.calendars import PackedCalendarsSchema
from shipguard.bundle.schemas.carriers import CarrierSchema, DatasetSchema
from shipguard.bundle.schemas.common import StrictSchema
from shipguard.bundle.schemas.date_formats import DateFormatSchema
from shipguard.bundle.schemas.lint import LintSchema
from shipguard.bundle.schemas.marketplaces import MarketplaceSchema
from shipguard.bundle.schemas.pages import PageAdapterSchema
from shipguard.bundle.schemas.rules import RulesSchema
from shipguard.bundle.schemas.templates import TemplateSchema
from shipguard.bundle.schemas.transit import TransitTableSchema


class BundleSchema(StrictSchema):
    """The bundle served at /api/v1/bundle and packed into the extension."""

    version = fields.String(
        required=True, metadata={"description": "First 12 hex digits of the content hash"}
    )
    generated_at = fields.String(
        required=True, metadata={"description": "Newest change of the data files, ISO 8601 UTC"}
    )
    marketplaces = fields.List(
        fields.Nested(MarketplaceSchema),
        required=True,
        metadata={"description": "Amazon marketplaces"},
    )
    date_formats = fields.List(
        fields.Nested(DateFormatSchema),
        required=True,
        metadata={"description": "Date formats by page locale"},
    )
    pages = fields.List(
        fields.Nested(PageAdapterSchema),
        required=True,
        metadata={"description": "Page adapters, by id"},
    )
    rules = fields.Nested(
        RulesSchema, required=True, metadata={"description": "Thresholds and remedies"}
    )
    lint = fields.Nested(
        LintSchema,
        required=True,
        metadata={"description": "Buyer message lint rules and language profiles"},
    )
    templates = fields.List(
        fields.Nested(TemplateSchema),
        required=True,
        metadata={"description": "Buyer message templates, by id"},
    )
    carriers = fields.List(
        fields.Nested(CarrierSchema),
        required=True,
        metadata={"description": "Carriers and their tracking id formats"},
    )
    tracking_dataset = fields.Nested(
        DatasetSchema,
        required=True,
        metadata={"description": "The carrier format dataset the tracking checks come from"},
    )
    carrier_calendars = fields.Nested(
        PackedCalendarsSchema,
        required=True,
        metadata={"description": "Days carriers do not collect, per marketplace"},
    )
    transit_times = fields.List(
        fields.Nested(TransitTableSchema),
        required=True,
        metadata={"description": "Published transit times per marketplace and carrier"},
    )
    disabled_features = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "Extension features switched off remotely"},
    )
